package cn.warmth.registry;

import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The import page: template download, upload, progress and the row-by-row report. */
@Controller
class ImportPageController {
  @GetMapping("/workers/import")
  String page() {
    CurrentUser.requireRole(Role.OFFICER);
    return "registry/import";
  }

  @GetMapping("/workers/import-template")
  ResponseEntity<byte[]> template() {
    return ImportTemplate.download();
  }

}
