package cn.warmth.shared;

/**
 * Two people acting on the same thing at once: the loser's transaction was rolled back by a
 * version check (JPA), a lock conflict (database), a unique index that caught a race, or the
 * engine's own optimistic lock. The API answers it 409 {@code CONCURRENT_CHANGE}
 * ({@link ApiExceptionHandler}); pages show "已被他人处理" ({@link FormErrors}, {@link PageExceptionHandler}).
 */
public final class ConcurrentChange {
  private ConcurrentChange() {}

  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.springframework.dao.ConcurrencyFailureException
          || t instanceof org.springframework.dao.DataIntegrityViolationException
          || t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t instanceof jakarta.persistence.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
