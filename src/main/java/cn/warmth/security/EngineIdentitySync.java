package cn.warmth.security;

import cn.warmth.organisation.UserSaved;
import cn.warmth.organisation.UserView;
import cn.warmth.organisation.Users;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Role;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the engine's users and groups in step with the application's, so that tasks can be
 * offered to candidate groups and the console can list users. Runs inside the transaction
 * that changed the user. Engine passwords are random: nobody signs in to the engine directly.
 */
@Component
class EngineIdentitySync {
  private final IdentityService identity;
  private final Users users;

  EngineIdentitySync(IdentityService identity, Users users) {
    this.identity = identity;
    this.users = users;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void syncAll() {
    users.all().forEach(this::sync);
  }

  @EventListener
  public void on(UserSaved event) {
    sync(event.user());
  }

  void sync(UserView v) {
    User user = identity.createUserQuery().userId(v.username()).singleResult();
    if (user == null) {
      user = identity.newUser(v.username());
      user.setPassword(UUID.randomUUID().toString());
    }
    user.setFirstName(v.displayName());
    user.setLastName(v.orgName());
    identity.saveUser(user);

    Set<String> wanted = new HashSet<>();
    if (v.enabled()) {
      for (Role r : v.roles()) {
        wanted.add(EngineGroups.of(r, v.orgCode()));
      }
      if (v.roles().contains(Role.ADMIN)) {
        wanted.add(EngineGroups.CAMUNDA_ADMIN);
      }
    }
    Set<String> current = new HashSet<>();
    for (Group g : identity.createGroupQuery().groupMember(v.username()).list()) {
      current.add(g.getId());
    }
    for (String g : current) {
      if (!wanted.contains(g)) {
        identity.deleteMembership(v.username(), g);
      }
    }
    for (String g : wanted) {
      if (!current.contains(g)) {
        ensureGroup(g);
        identity.createMembership(v.username(), g);
      }
    }
  }

  private void ensureGroup(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(id);
      group.setType(EngineGroups.CAMUNDA_ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }
}
