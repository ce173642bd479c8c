package cn.warmth.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells "the database cannot be reached" (answered 503, the client may retry) from every other
 * failure: a pool that gave no connection in time, a refused or broken connection, a server
 * shutting down, an embedded database closed after a disk error. The cause chain is searched,
 * since JPA, Spring and the engine wrap the driver's exception differently.
 */
public final class DatabaseTrouble {
  /** H2 error codes of a database that is closed, closing or failed on its files. */
  private static final java.util.Set<Integer> H2_GONE = java.util.Set.of(
      90098, // DATABASE_IS_CLOSED
      90121, // DATABASE_CALLED_AT_SHUTDOWN
      90028, // IO_EXCEPTION_2
      90031, // IO_EXCEPTION_1
      90030, // FILE_CORRUPTED_1
      90100, // NO_DISK_SPACE_AVAILABLE
      90067, // CONNECTION_BROKEN_1
      90108, // OUT_OF_MEMORY
      90020); // DATABASE_ALREADY_OPEN_1 (another process holds the file)

  private DatabaseTrouble() {}

  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // A failed rollback hides the exception that caused it.
      if (t instanceof org.springframework.transaction.TransactionSystemException tse
          && tse.getApplicationException() != null && isUnavailable(tse.getApplicationException())) {
        return true;
      }
      if (t instanceof CannotCreateTransactionException || t instanceof CannotGetJdbcConnectionException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionFailure(sql)) {
        return true;
      }
      // A rollback that failed on the connection: the connection broke under the transaction (the
      // exception that started the rollback is lost by then, e.g. PostgreSQL stopped mid-request).
      if (t instanceof org.hibernate.TransactionException && t.getMessage() != null
          && t.getMessage().contains("rollback") && t.getCause() instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** SQL state class 08 (connection exception), PostgreSQL's shutdown states, H2's closed database. */
  public static boolean isConnectionFailure(SQLException sql) {
    String state = sql.getSQLState();
    String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(java.util.Locale.ROOT);
    if (message.contains("connection is closed") || message.contains("connection has been closed")) {
      return true;
    }
    return (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03") || state.equals("53100")))
        || (isH2(sql) && H2_GONE.contains(sql.getErrorCode()));
  }

  private static boolean isH2(SQLException sql) {
    return sql.getClass().getName().startsWith("org.h2.");
  }
}
