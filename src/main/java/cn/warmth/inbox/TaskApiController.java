package cn.warmth.inbox;

import cn.warmth.shared.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskApiController {
  private final Inbox inbox;

  TaskApiController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/v1/tasks")
  org.springframework.http.ResponseEntity<List<InboxTask>> tasks(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(inbox.openTasks(CurrentUser.get(), page), page);
  }
}
