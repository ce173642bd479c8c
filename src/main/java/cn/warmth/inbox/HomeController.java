package cn.warmth.inbox;

import cn.warmth.organisation.Organisations;
import cn.warmth.shared.BusinessException;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paged;
import cn.warmth.shared.Pager;
import cn.warmth.shared.SortOrder;
import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的待办: the home page, and dismissing a reminder from it. */
@Controller
class HomeController {
  private final Inbox inbox;
  private final Organisations organisations;
  private final MessageSource messages;

  HomeController(Inbox inbox, Organisations organisations, MessageSource messages) {
    this.inbox = inbox;
    this.organisations = organisations;
    this.messages = messages;
  }

  /**
   * 我的待办: one page of the user's open tasks (by unit and kind, by due day or creation), the
   * kinds with their counts as filters, and the total; paged and counted by the engine.
   */
  @GetMapping("/")
  String home(@RequestParam(required = false) String org, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String sort, PageParams page, Model model) {
    WarmthUser me = CurrentUser.get();
    SortOrder order = SortOrder.parse(sort, "due", Inbox.SORTS);
    Paged<InboxTask> open = inbox.openTasks(me, org, kind, order, page);
    model.addAttribute("me", me);
    model.addAttribute("tasks", open.items());
    model.addAttribute("pager", Pager.of(open, page, order));
    model.addAttribute("kinds", inbox.kinds(me, org));
    model.addAttribute("units", organisations.inScope());
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
