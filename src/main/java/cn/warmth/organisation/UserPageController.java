package cn.warmth.organisation;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FormErrors;
import cn.warmth.shared.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: users of the scope, a form to add one, and per-user roles, unlock and password reset. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserPageController {
  private final Users users;
  private final Organisations organisations;
  private final MessageSource messages;

  UserPageController(Users users, Organisations organisations, MessageSource messages) {
    this.users = users;
    this.organisations = organisations;
    this.messages = messages;
  }

  @GetMapping("/admin/users")
  String list(Model model) {
    model.addAttribute("users", users.inScope());
    model.addAttribute("orgs", organisations.inScope());
    model.addAttribute("allRoles", Role.values());
    return "organisation/users";
  }

  @PostMapping("/admin/users")
  String create(@RequestParam String username, @RequestParam String password, @RequestParam String displayName,
      @RequestParam String orgCode, @RequestParam(required = false) List<Role> roles, Model model, Locale locale,
      RedirectAttributes redirect) {
    Set<Role> r = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    try {
      users.create(new Users.CreateUser(username, password, displayName, orgCode, r));
      redirect.addFlashAttribute("successMessage", messages.getMessage("user.created", new Object[] {username}, locale));
      return "redirect:/admin/users";
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      model.addAttribute("form", new Users.CreateUser(username, "", displayName, orgCode, r));
      return list(model);
    }
  }

  @GetMapping("/admin/users/{username}")
  String edit(@PathVariable String username, Model model) {
    model.addAttribute("user", users.get(username));
    model.addAttribute("allRoles", Role.values());
    return "organisation/user-edit";
  }

  @PostMapping("/admin/users/{username}")
  String update(@PathVariable String username, @RequestParam String displayName,
      @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "false") boolean enabled,
      Model model, Locale locale, RedirectAttributes redirect) {
    Set<Role> r = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    try {
      users.update(username, displayName, r, enabled);
      redirect.addFlashAttribute("successMessage", messages.getMessage("saved", null, locale));
      return "redirect:/admin/users/" + username;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return edit(username, model);
    }
  }

  @PostMapping("/admin/users/{username}/unlock")
  String unlock(@PathVariable String username, Locale locale, RedirectAttributes redirect) {
    users.unlock(username);
    redirect.addFlashAttribute("successMessage", messages.getMessage("user.unlocked", null, locale));
    return "redirect:/admin/users/" + username;
  }

  @PostMapping("/admin/users/{username}/password")
  String resetPassword(@PathVariable String username, @RequestParam String password, Model model, Locale locale,
      RedirectAttributes redirect) {
    try {
      users.resetPassword(username, password);
      redirect.addFlashAttribute("successMessage", messages.getMessage("user.passwordReset", null, locale));
      return "redirect:/admin/users/" + username;
    } catch (BusinessException e) {
      FormErrors.addTo(model, e, messages, locale);
      return edit(username, model);
    }
  }
}
