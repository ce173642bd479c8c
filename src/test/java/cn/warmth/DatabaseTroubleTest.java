package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.shared.DatabaseTrouble;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503) and which do not. */
class DatabaseTroubleTest {
  @Test
  void connectionFailuresAreUnavailableWhereverTheyAreWrapped() {
    assertThat(DatabaseTrouble.isUnavailable(new InternalAuthenticationServiceException("x",
        new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timeout"))))).isTrue();
    assertThat(DatabaseTrouble.isUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseTrouble.isUnavailable(new RuntimeException(new SQLException("shutdown", "57P01")))).isTrue();
    assertThat(DatabaseTrouble.isUnavailable(new IllegalStateException(new ConnectException("refused")))).isTrue();
    // The rollback that failed because PostgreSQL went away under the transaction.
    assertThat(DatabaseTrouble.isUnavailable(new InternalAuthenticationServiceException("x", new JpaSystemException(
        new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
            new SQLException("Connection is closed")))))).isTrue();
    // H2 closed after a disk error.
    assertThat(DatabaseTrouble.isUnavailable(new RuntimeException(
        org.h2.message.DbException.get(org.h2.api.ErrorCode.DATABASE_IS_CLOSED).getSQLException()))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseTrouble.isUnavailable(new DataIntegrityViolationException("unique",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseTrouble.isUnavailable(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
    assertThat(DatabaseTrouble.isUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
