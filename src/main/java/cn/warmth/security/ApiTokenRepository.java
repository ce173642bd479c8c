package cn.warmth.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
  Optional<ApiToken> findByTokenHash(String tokenHash);

  @Query("select t from ApiToken t where t.username = :username and t.revokedAt is null order by t.id desc")
  List<ApiToken> activeOf(String username);

  @Query("select count(t) from ApiToken t where t.username = :username and t.revokedAt is null")
  long countActiveOf(String username);

  /**
   * Last use, at most once a minute: only when the stored time is older than {@code before}
   * (one row, one statement, safe with several nodes). 1 when written.
   */
  @Modifying
  @Query("""
      update ApiToken t set t.lastUsedAt = :now
      where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)""")
  int touch(long id, Instant now, Instant before);
}
