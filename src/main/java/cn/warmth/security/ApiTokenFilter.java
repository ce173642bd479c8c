package cn.warmth.security;

import cn.warmth.shared.DatabaseTrouble;
import cn.warmth.shared.WarmthUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer wt_…} on the API chain, ahead of HTTP Basic: a known, live token
 * signs the request in as its owner (stateless, nothing stored in a session); anything else
 * presented as a Bearer token is 401 problem+json. Requests without a Bearer header pass on to
 * Basic unchanged. Not a bean: Spring Boot would register it for every request.
 */
class ApiTokenFilter extends OncePerRequestFilter {
  private final ApiTokens tokens;
  private final AuthenticationEntryPoint entryPoint;

  ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
  }

  /** A request signed in with a personal API token (so that token management can refuse it). */
  static final class TokenAuthentication extends AbstractAuthenticationToken {
    private final WarmthUser user;

    TokenAuthentication(WarmthUser user) {
      super(user.getAuthorities());
      this.user = user;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return user;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<WarmthUser> user;
    try {
      user = tokens.authenticate(header.substring(7).strip());
    } catch (RuntimeException e) {
      if (DatabaseTrouble.isUnavailable(e)) {
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new InternalAuthenticationServiceException("token look-up failed", e));
        return;
      }
      throw e;
    }
    if (user.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("unknown, expired or revoked token"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new TokenAuthentication(user.get()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
