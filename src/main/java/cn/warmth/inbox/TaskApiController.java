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
  List<InboxTask> tasks() {
    return inbox.openTasks(CurrentUser.get());
  }
}
