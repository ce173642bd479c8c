package cn.warmth.workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /admin/engine (ADMIN, like every /admin page): failed jobs, clean-up window, link to Cockpit. */
@Controller
class EngineAdminController {
  private final EngineStatus status;

  EngineAdminController(EngineStatus status) {
    this.status = status;
  }

  @GetMapping("/admin/engine")
  String page(Model model) {
    model.addAttribute("engine", status.now());
    return "workflow/engine";
  }
}
