package cn.warmth.workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /admin/engine (ADMINs of the root organisation, like the console): failed jobs, clean-up window, link to Cockpit. */
@Controller
class EngineAdminController {
  private final EngineStatus status;

  EngineAdminController(EngineStatus status) {
    this.status = status;
  }

  @GetMapping("/admin/engine")
  String page(Model model) {
    // The engine is province-wide, like the console: root ADMINs only.
    cn.warmth.shared.CurrentUser.requireRootAdmin();
    model.addAttribute("engine", status.now());
    return "workflow/engine";
  }
}
