package cn.warmth.security;

import cn.warmth.organisation.UserSaved;
import cn.warmth.organisation.UserView;
import cn.warmth.shared.EngineGroups;
import cn.warmth.shared.Role;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's users and groups in step with the application's, so that tasks can be
 * offered to candidate groups and the console can list users. Runs inside the transaction
 * that changed the user, so the two can never drift apart and nothing needs re-syncing at start. Engine passwords are random: nobody signs in to the engine directly.
 */
@Component
class EngineIdentitySync {
  private final IdentityService identity;

  EngineIdentitySync(IdentityService identity) {
    this.identity = identity;
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
