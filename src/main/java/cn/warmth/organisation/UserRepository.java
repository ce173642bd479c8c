package cn.warmth.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<AppUser, Long> {
  Optional<AppUser> findByUsername(String username);

  @Query("select distinct u from AppUser u join fetch u.org o where o.path like concat(:path, '%') order by o.path, u.username")
  List<AppUser> findInSubtree(String path);

  @Query(value = "select u from AppUser u join fetch u.org o where o.path like concat(:path, '%')",
      countQuery = "select count(u) from AppUser u join u.org o where o.path like concat(:path, '%')")
  Page<AppUser> findInSubtree(String path, Pageable page);

  @Query("select distinct u from AppUser u join fetch u.org")
  List<AppUser> findAllWithOrg();

  /**
   * Reserves one password check, atomically: refused (0 rows) while the account is locked or
   * while {@code max} guesses are already counted and the last one is recent. A count left at
   * the maximum by a crash between reservation and outcome starts again after {@code stale}.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update AppUser u set
        u.failedAttempts = case when u.failedAttempts >= :max then 1 else u.failedAttempts + 1 end,
        u.lastAttemptAt = :now
      where u.username = :username
        and (u.lockedUntil is null or u.lockedUntil <= :now)
        and (u.failedAttempts < :max or u.lastAttemptAt is null or u.lastAttemptAt < :stale)""")
  int reserveAttempt(String username, int max, Instant now, Instant stale);

  /** After a wrong password: locks when the reserved guesses reached the maximum; 1 when this call locked. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update AppUser u set u.lockedUntil = :until, u.failedAttempts = 0
      where u.username = :username and u.failedAttempts >= :max""")
  int lockIfExhausted(String username, int max, Instant until);

  /** A right password, an unlock or a reset: no failures, no lock. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null where u.username = :username")
  int clearFailures(String username);

  List<AppUser> findByUsernameIn(java.util.Collection<String> usernames);
}
