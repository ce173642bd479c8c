package cn.warmth.shared;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection whose database is gone. Hikari already
 * does so for SQL state class 08; an embedded H2 that closed itself after a disk error answers
 * with its own codes instead, and without this the pool would keep handing out dead connections
 * until a restart. Named in {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class EvictBrokenConnections implements SQLExceptionOverride {
  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    return DatabaseTrouble.isConnectionFailure(e) ? SQLExceptionOverride.Override.MUST_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
