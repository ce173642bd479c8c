package cn.warmth.inbox;

import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.WarmthUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的待办: the home page. */
@Controller
class HomeController {
  private final Inbox inbox;

  HomeController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/")
  String home(Model model) {
    WarmthUser me = CurrentUser.get();
    var open = inbox.openTasks(me);
    model.addAttribute("me", me);
    model.addAttribute("tasks", open);
    model.addAttribute("counts", inbox.countsByName(open));
    return "home";
  }
}
