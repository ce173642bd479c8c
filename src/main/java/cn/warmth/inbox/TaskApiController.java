package cn.warmth.inbox;

import cn.warmth.shared.CurrentUser;
import cn.warmth.shared.PageParams;
import cn.warmth.shared.Paging;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskApiController {
  private final Inbox inbox;

  TaskApiController(Inbox inbox) {
    this.inbox = inbox;
  }

  /** The caller's open work, optionally of one unit ({@code org}, and below) and {@code kind}; paged, earliest due first. */
  @GetMapping("/api/v1/tasks")
  ResponseEntity<List<InboxTask>> tasks(@RequestParam(required = false) String org,
      @RequestParam(required = false) String kind, PageParams page) {
    return Paging.answer(inbox.openTasks(CurrentUser.get(), org, kind, null, page), page);
  }
}
