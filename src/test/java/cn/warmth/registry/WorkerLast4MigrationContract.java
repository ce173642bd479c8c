package cn.warmth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.TestIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A database whose workers were registered before V30 is upgraded: V30 adds {@code id_last4}, V31
 * fills it for every worker from the encrypted ID number (in chunks), so the lists find them by
 * those 4 characters. Runs on a fresh H2 database and on a fresh PostgreSQL schema, applying V30
 * and V31 out of order after the later versions, as on a database that already ran them.
 */
abstract class WorkerLast4MigrationContract {
  abstract DataSource emptyDatabase();

  abstract String vendor();

  abstract FluentConfiguration schema(FluentConfiguration config);

  FluentConfiguration flyway(DataSource ds) {
    return schema(Flyway.configure().dataSource(ds)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor()));
  }

  @Test
  void workersRegisteredBeforeGetTheLastFourCharactersOfTheirIdNumber() throws Exception {
    DataSource ds = emptyDatabase();
    flyway(ds).target("26").load().migrate();
    PiiCipher cipher = CertificateMigrationContract.CIPHER;
    int workers = V31__FillWorkerIdLast4.CHUNK + 3; // more than one chunk
    List<String> ids = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("insert into worker (name,"
        + " id_number_enc, id_number_hash, id_number_masked, gender, birth_date, org_code, org_path, employment_type,"
        + " disabled, created_at, updated_at) values (?, ?, ?, ?, 'MALE', date '1980-01-01', 'SX', '/SX/',"
        + " 'ESTABLISHED', false, current_timestamp, current_timestamp)")) {
      for (int i = 0; i < workers; i++) {
        String id = i == 0 ? TestIds.withCheck("61010219800101004") : TestIds.nextId(); // the first ends in X
        ids.add(id);
        insert.setString(1, "旧职工");
        insert.setString(2, cipher.encrypt(Workers.ID_FIELD, id));
        insert.setString(3, cipher.hash(id));
        insert.setString(4, Masks.id(id));
        insert.addBatch();
      }
      insert.executeBatch();
    }

    flyway(ds).outOfOrder(true).javaMigrations(new V31__FillWorkerIdLast4(cipher)).load().migrate();

    try (Connection c = ds.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id_last4, id_number_masked from worker order by id")) {
      assertThat(ids.get(0)).endsWith("X");
      for (String id : ids) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(id.substring(14)).isEqualTo(rs.getString(2).substring(14));
      }
      assertThat(rs.next()).isFalse();
    }
  }
}
