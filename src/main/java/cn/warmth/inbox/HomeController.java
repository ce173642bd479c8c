package cn.warmth.inbox;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的待办: the home page, and dismissing a reminder from it. */
@Controller
class HomeController {
  private final Inbox inbox;
  private final MessageSource messages;

  HomeController(Inbox inbox, MessageSource messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  @GetMapping("/")
  String home(Model model) {
    WarmthUser me = CurrentUser.get();
    var open = inbox.openTasks(me);
    model.addAttribute("me", me);
    model.addAttribute("tasks", open);
    model.addAttribute("counts", inbox.countsByKind(open));
    return "home";
  }

  /** "知道了": a reminder or alert was read. */
  @PostMapping("/tasks/{taskId}/acknowledge")
  String acknowledge(@PathVariable String taskId, Locale locale, RedirectAttributes redirect) {
    try {
      inbox.dismiss(taskId, CurrentUser.get());
    } catch (BusinessException e) {
      redirect.addFlashAttribute("errorMessage", messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
    }
    return "redirect:/";
  }
}
