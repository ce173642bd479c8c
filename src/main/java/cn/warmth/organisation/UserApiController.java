package cn.warmth.organisation;

import cn.warmth.shared.Enums;
import cn.warmth.shared.Problems;
import cn.warmth.shared.Role;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApiController {
  private final Users users;

  UserApiController(Users users) {
    this.users = users;
  }

  record UserRequest(String username, String password, String displayName, String orgCode, List<String> roles) {}

  record UserResponse(String username, String displayName, String orgCode, Set<Role> roles) {
    static UserResponse of(UserView v) {
      return new UserResponse(v.username(), v.displayName(), v.orgCode(), v.roles());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  UserResponse create(@RequestBody UserRequest req) {
    Problems p = new Problems();
    Set<Role> roles = Enums.parseAll(Role.class, req.roles(), "roles", p);
    p.throwIfAny();
    return UserResponse.of(users.create(new Users.CreateUser(req.username(), req.password(), req.displayName(),
        req.orgCode(), roles)));
  }

  @GetMapping
  org.springframework.http.ResponseEntity<List<UserResponse>> list(cn.warmth.shared.PageParams page) {
    return cn.warmth.shared.Paging.answer(users.inScope(page).map(UserResponse::of), page);
  }

  @GetMapping("/{username}")
  UserResponse get(@PathVariable String username) {
    return UserResponse.of(users.get(username));
  }
}
