package cn.warmth.security;

import cn.warmth.audit.AuditLog;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.UserView;
import cn.warmth.organisation.Users;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Dates;
import cn.warmth.shared.FieldProblem;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import cn.warmth.shared.Texts;
import cn.warmth.shared.WarmthUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (api.md "API tokens"): {@code wt_} and 43 characters of base64url, i.e. 32
 * random bytes from {@link SecureRandom}; shown once; stored as their SHA-256. A Bearer request is
 * signed in by one look-up of that hash (an index hit: nothing secret is compared in Java, so
 * there is no timing to measure), the owner's principal, and at most once a minute one
 * conditional UPDATE of the last use. No password is hashed and nothing else is written.
 */
@Service
class ApiTokens {
  static final String PREFIX = "wt_";
  private static final Pattern SHAPE = Pattern.compile("wt_[A-Za-z0-9_-]{43}");
  /** A token lives at most this long (a year and a day, so "one year from today" fits). */
  static final int MAX_DAYS = 366;
  /** Active tokens per user. */
  static final int MAX_ACTIVE = 20;
  /** Last use is recorded at most this often per token. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;
  private final Users users;
  private final Organisations organisations;
  private final AuditLog audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository tokens, Users users, Organisations organisations, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.organisations = organisations;
    this.audit = audit;
    this.clock = clock;
  }

  /** The answer to a creation: the only time the token itself is seen. */
  record Created(long id, String name, String token, LocalDate expiresOn, String username) {}

  /** A token as lists show it: never the secret, only its first characters. */
  record TokenView(long id, String name, String hint, String username, Instant createdAt, String createdBy,
      LocalDate expiresOn, Instant lastUsedAt, boolean expired) {}

  /**
   * A new token for the caller, or (ADMIN) for a user in the caller's scope, e.g. a service
   * account. Not with a token: a stolen token must not be able to mint longer-lived ones.
   */
  @Transactional
  Created create(String name, String expiresOn, String forUsername) {
    WarmthUser me = CurrentUser.get();
    if (signedInWithToken()) {
      throw BusinessException.forbidden("TOKEN_NOT_ALLOWED", "error.TOKEN_NOT_ALLOWED");
    }
    String owner = Texts.trim(forUsername);
    boolean forOther = owner != null && !owner.isEmpty() && !owner.equals(me.username());
    if (forOther) {
      CurrentUser.requireRole(Role.ADMIN); // the role before the body
    }
    Problems p = new Problems();
    String n = Texts.trim(name);
    if (p.require("name", n) && !Texts.isPlain(n, 2, 60)) {
      p.add("name", "INVALID_NAME");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate until = Dates.parseWithin(expiresOn, "expiresOn", today, today.plusDays(MAX_DAYS), p);
    p.throwIfAny();
    String ownerName = me.username();
    String ownerPath = me.orgPath();
    if (forOther) {
      UserView u = users.get(owner); // 404 outside the caller's scope
      if (!u.enabled()) {
        throw BusinessException.validation(FieldProblem.of("username", "USER_DISABLED"));
      }
      ownerName = u.username();
      ownerPath = organisations.find(u.orgCode()).orElseThrow().path();
    }
    if (tokens.countActiveOf(ownerName) >= MAX_ACTIVE) {
      throw BusinessException.conflict("TOO_MANY_TOKENS", MAX_ACTIVE);
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken t = tokens.save(new ApiToken(ownerName, ownerPath, n, sha256(token), token.substring(0, 8), until,
        me.username(), Instant.now(clock)));
    audit.record("TOKEN_CREATED", "API_TOKEN", String.valueOf(t.getId()), ownerPath, null, describe(t));
    return new Created(t.getId(), t.getName(), token, t.getExpiresOn(), t.getUsername());
  }

  /** The caller's active tokens, or (ADMIN) those of a user in scope; newest first. */
  @Transactional(readOnly = true)
  List<TokenView> list(String ofUsername) {
    WarmthUser me = CurrentUser.get();
    String owner = Texts.trim(ofUsername);
    if (owner != null && !owner.isEmpty() && !owner.equals(me.username())) {
      CurrentUser.requireRole(Role.ADMIN);
      owner = users.get(owner).username(); // 404 outside scope
    } else {
      owner = me.username();
    }
    LocalDate today = LocalDate.now(clock);
    return tokens.activeOf(owner).stream().map(t -> view(t, today)).toList();
  }

  /** Revokes at once: the owner, or an ADMIN whose scope holds the owner. Anything else is 404. */
  @Transactional
  void revoke(long id) {
    WarmthUser me = CurrentUser.get();
    ApiToken t = tokens.findById(id)
        .filter(x -> !x.isRevoked())
        .filter(x -> x.getUsername().equals(me.username()) || (me.has(Role.ADMIN) && me.covers(x.getOrgPath())))
        .orElseThrow(BusinessException::notFound);
    t.revoke(me.username(), Instant.now(clock));
    tokens.flush();
    Map<String, Object> after = describe(t);
    after.put("revoked", true);
    audit.record("TOKEN_REVOKED", "API_TOKEN", String.valueOf(t.getId()), t.getOrgPath(), null, after);
  }

  /**
   * The owner of a presented token, when it is well formed, known, not revoked, not expired and
   * its owner enabled. A lock-out (wrong passwords) does not stop tokens: it guards the password.
   */
  @Transactional
  Optional<WarmthUser> authenticate(String presented) {
    if (presented == null || !SHAPE.matcher(presented).matches()) {
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    Optional<ApiToken> found = tokens.findByTokenHash(sha256(presented))
        .filter(t -> t.usableOn(LocalDate.ofInstant(now, clock.getZone())));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken t = found.get();
    Optional<WarmthUser> user = users.principal(t.getUsername()).filter(WarmthUser::enabled);
    if (user.isPresent() && (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(TOUCH_EVERY)))) {
      tokens.touch(t.getId(), now, now.minus(TOUCH_EVERY));
    }
    return user;
  }

  static boolean signedInWithToken() {
    return SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenFilter.TokenAuthentication;
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TokenView view(ApiToken t, LocalDate today) {
    return new TokenView(t.getId(), t.getName(), t.getTokenHint() + "…", t.getUsername(), t.getCreatedAt(),
        t.getCreatedBy(), t.getExpiresOn(), t.getLastUsedAt(), today.isAfter(t.getExpiresOn()));
  }

  private static Map<String, Object> describe(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", t.getUsername());
    m.put("name", t.getName());
    m.put("hint", t.getTokenHint() + "…");
    m.put("expiresOn", t.getExpiresOn().toString());
    return m;
  }
}
