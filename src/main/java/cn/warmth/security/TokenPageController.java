package cn.warmth.security;

import cn.warmth.organisation.Users;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的 API 令牌: list, create (the token shown once, on the answer to the form, never again) and
 * revoke. An ADMIN may pick a user in scope, e.g. a service account.
 */
@Controller
class TokenPageController {
  private final ApiTokens tokens;
  private final Users users;
  private final MessageSource messages;
  private final Clock clock;

  TokenPageController(ApiTokens tokens, Users users, MessageSource messages, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/tokens")
  String list(@RequestParam(required = false) String username, Model model) {
    String owner = username == null || username.isBlank() ? CurrentUser.get().username() : username.strip();
    java.util.List<ApiTokens.TokenView> list;
    try {
      list = tokens.list(owner);
    } catch (BusinessException e) {
      // Another user's tokens: ADMINs only, in scope. Anyone else sees their own.
      owner = CurrentUser.get().username();
      list = tokens.list(owner);
    }
    model.addAttribute("owner", owner);
    model.addAttribute("tokens", list);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("defaultExpiry", today.plusDays(90).toString());
    model.addAttribute("maxExpiry", today.plusDays(ApiTokens.MAX_DAYS).toString());
    model.addAttribute("today", today.toString());
    if (CurrentUser.get().has(Role.ADMIN)) {
      model.addAttribute("users", users.inScope());
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("name", "", "expiresOn", today.plusDays(90).toString(), "username", owner));
    }
    return "security/tokens";
  }

  @PostMapping("/tokens")
  String create(@RequestParam(required = false) String name, @RequestParam(required = false) String expiresOn,
      @RequestParam(required = false) String username, Model model, Locale locale) {
    try {
      model.addAttribute("created", tokens.create(name, expiresOn, username));
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", Map.of("name", name == null ? "" : name, "expiresOn", expiresOn == null ? "" : expiresOn,
          "username", username == null ? "" : username));
    }
    // The token is on this answer only: no redirect, nothing in the session.
    return list(username, model);
  }

  @PostMapping("/tokens/{id}/revoke")
  String revoke(@PathVariable long id, @RequestParam(required = false) String username, Model model, Locale locale,
      RedirectAttributes redirect) {
    try {
      tokens.revoke(id);
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return list(username, model);
    }
    redirect.addFlashAttribute("successMessage", messages.getMessage("token.revoked", null, locale));
    return username == null || username.isBlank() ? "redirect:/tokens"
        : "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/tokens")
            .queryParam("username", username.strip()).encode().toUriString();
  }
}
