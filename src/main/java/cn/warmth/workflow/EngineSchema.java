package cn.warmth.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's tables, owned by the application's migrations (issue 14): created from, and
 * upgraded by, the SQL scripts Camunda ships inside {@code camunda-engine.jar}
 * ({@code org/camunda/bpm/engine/db/create/} and {@code upgrade/}), run over the migration's
 * own connection, so the engine never changes the schema at start-up
 * ({@code camunda.bpm.database.schema-update: false}).
 *
 * <p>{@link #bringUpToDate} creates every engine table on an empty database, leaves a database at
 * the engine's version alone (one made by the previous version of Warmth, whose engine created
 * its tables itself), and runs the minor-version upgrade scripts in order on an older one. A new
 * engine version therefore needs a new Flyway migration that calls it again (see
 * docs/operations.md, 升级).
 */
final class EngineSchema {
  private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);
  private static final String CREATE = "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql";
  private static final String UPGRADE = "org/camunda/bpm/engine/db/upgrade/%s_engine_%s_to_%s.sql";
  /** Camunda's own order (DbSqlSession#dbSchemaCreate): engine, history, identity, CMMN, DMN. */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  private EngineSchema() {}

  /** What was done, for the log and the tests. */
  enum Outcome { CREATED, UP_TO_DATE, UPGRADED }

  static Outcome bringUpToDate(Connection c) throws SQLException {
    String db = databaseType(c);
    String target = org.camunda.bpm.engine.impl.util.ProductPropertiesUtil.getProductVersion();
    String found = schemaVersion(c);
    if (found == null) {
      for (String component : COMPONENTS) {
        run(c, String.format(CREATE, db, component));
      }
      log.info("Created the process engine's tables ({}, version {})", db, target);
      return Outcome.CREATED;
    }
    int[] from = minor(found);
    int[] to = minor(target);
    if (from[0] == to[0] && from[1] == to[1]) {
      log.info("The process engine's tables are at version {}: nothing to do", found);
      return Outcome.UP_TO_DATE;
    }
    if (from[0] != to[0] || from[1] > to[1]) {
      throw new IllegalStateException("The process engine's tables are at version " + found
          + ", which this version (" + target + ") cannot upgrade: see docs/operations.md");
    }
    for (int m = from[1]; m < to[1]; m++) {
      run(c, String.format(UPGRADE, db, to[0] + "." + m, to[0] + "." + (m + 1)));
    }
    log.info("Upgraded the process engine's tables from {} to {}", found, target);
    return Outcome.UPGRADED;
  }

  static String databaseType(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase();
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("unsupported database for the engine's tables: " + product);
  }

  /**
   * The engine's schema version: the latest entry of {@code ACT_GE_SCHEMA_LOG} (written by the
   * create script and by every upgrade script), or null without engine tables.
   */
  static String schemaVersion(Connection c) throws SQLException {
    if (!tableExists(c, "ACT_GE_PROPERTY")) {
      return null;
    }
    if (!tableExists(c, "ACT_GE_SCHEMA_LOG")) {
      throw new IllegalStateException("The process engine's tables predate 7.11 (no ACT_GE_SCHEMA_LOG): "
          + "upgrade them with Camunda's scripts first (docs/operations.md)");
    }
    try (PreparedStatement q = c.prepareStatement(
        "select VERSION_ from ACT_GE_SCHEMA_LOG order by cast(ID_ as integer) desc fetch first 1 rows only");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("ACT_GE_SCHEMA_LOG is empty");
      }
      return rs.getString(1);
    }
  }

  static boolean tableExists(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : List.of(table.toUpperCase(), table.toLowerCase())) {
      try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs one of Camunda's scripts the way the engine does: comment lines dropped, statements split at ';'. */
  static void run(Connection c, String resource) throws SQLException {
    List<String> statements = statements(read(resource));
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    log.info("Ran {} ({} statements)", resource, statements.size());
  }

  static List<String> statements(String script) {
    StringBuilder kept = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String part : kept.toString().split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing engine script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "7.24.0" → {7, 24}. */
  static int[] minor(String version) {
    String[] p = version.split("[.-]");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }
}
