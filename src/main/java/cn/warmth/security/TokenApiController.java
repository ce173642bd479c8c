package cn.warmth.security;

import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Paging;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens (api.md): every signed-in user manages their own; an ADMIN also those of a
 * user in scope ({@code username}). Creating needs a password sign-in, not a token.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {
  private final ApiTokens tokens;

  TokenApiController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  record TokenRequest(String name, String expiresOn, String username) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApiTokens.Created create(@RequestBody TokenRequest req) {
    return tokens.create(req.name(), req.expiresOn(), req.username());
  }

  @GetMapping
  ResponseEntity<List<ApiTokens.TokenView>> list(@RequestParam(required = false) String username, PageParams page) {
    return Paging.answer(Paged.ofBounded(tokens.list(username), page), page);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    tokens.revoke(id);
    return ResponseEntity.noContent().build();
  }
}
