package cn.warmth.workflow;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** See {@link WorkflowCommand}. Ordered outside the transaction interceptor: each attempt is a new transaction. */
class WorkflowCommandInterceptor implements MethodInterceptor {
  static final int MAX_ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(WorkflowCommandInterceptor.class);
  /** SQL states of a transaction the database aborted to resolve a lock conflict (deadlock, serialization). */
  private static final java.util.Set<String> LOCK_CONFLICT_STATES = java.util.Set.of("40001", "40P01");
  /** H2: "concurrent update in table …: another transaction has updated or deleted the same row". */
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private final ObjectProvider<EngineUser> engineUser;
  private final AtomicLong retries = new AtomicLong();

  WorkflowCommandInterceptor(ObjectProvider<EngineUser> engineUser) {
    this.engineUser = engineUser;
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    if (TransactionSynchronizationManager.isActualTransactionActive() || CommandAttempts.active()) {
      return asUser(invocation); // part of a larger unit of work: its outermost command decides
    }
    CommandAttempts attempts = CommandAttempts.begin();
    try {
      for (int attempt = 1; ; attempt++) {
        attempts.next(attempt);
        try {
          // A clone per attempt: each one runs the rest of the chain (the transaction) again.
          return asUser(((ProxyMethodInvocation) invocation).invocableClone());
        } catch (Throwable e) {
          if (attempt >= MAX_ATTEMPTS || !collidedWithTheEngine(e)) {
            throw e;
          }
          retries.incrementAndGet();
          log.info("{} collided with a concurrent engine job (attempt {}): retrying in a new transaction",
              invocation.getMethod().getName(), attempt);
          pause(attempt);
        }
      }
    } finally {
      CommandAttempts.end();
    }
  }

  /**
   * A short, growing, jittered pause before the next attempt (about 20, then 80 ms): a job that is
   * still running on the same process instance gets the time to commit, instead of every attempt
   * meeting it again within a few milliseconds (seen when the job executor is catching up).
   */
  private static void pause(int attempt) {
    long millis = 20L * (1L << (2 * (attempt - 1))) + java.util.concurrent.ThreadLocalRandom.current().nextLong(10);
    try {
      Thread.sleep(Math.min(millis, 200));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Commands retried since start, after colliding with the job executor (shown to administrators). */
  long retries() {
    return retries.get();
  }

  private Object asUser(MethodInvocation invocation) throws Throwable {
    Throwable[] failure = new Throwable[1];
    Object result = engineUser.getObject().call(() -> {
      try {
        return invocation.proceed();
      } catch (Throwable e) {
        failure[0] = e;
        return null;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    return result;
  }

  /** The engine's optimistic lock, or the database aborting us over a lock: nothing a person did wrong. */
  static boolean collidedWithTheEngine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof PessimisticLockingFailureException) {
        return true;
      }
      if (t instanceof SQLException sql && (LOCK_CONFLICT_STATES.contains(sql.getSQLState())
          || sql.getErrorCode() == H2_CONCURRENT_UPDATE)) {
        return true;
      }
    }
    return false;
  }
}
