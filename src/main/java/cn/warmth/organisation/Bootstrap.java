package cn.warmth.organisation;

import cn.warmth.shared.Role;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database: the root organisation and the first ADMIN. Without an admin password
 * the application refuses to start, except with the demo profile (which sets one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(BootstrapProperties.class)
class Bootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
  private final BootstrapProperties props;
  private final Organisations organisations;
  private final Users users;
  private final Environment env;

  Bootstrap(BootstrapProperties props, Organisations organisations, Users users, Environment env) {
    this.props = props;
    this.organisations = organisations;
    this.users = users;
    this.env = env;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (users.anyExists()) {
      return;
    }
    String password = props.adminPassword();
    if (password == null || password.isBlank()) {
      boolean demo = Arrays.asList(env.getActiveProfiles()).contains("demo");
      if (!demo) {
        throw new IllegalStateException("The database is empty and app.bootstrap.admin-password is not set: "
            + "set it (e.g. APP_BOOTSTRAP_ADMIN_PASSWORD) to create the first administrator.");
      }
      password = "warmth-demo-2024";
    }
    OrgView root = organisations.bootstrapRoot(props.rootOrgCode(), props.rootOrgName());
    try {
      users.createUnchecked(new Users.CreateUser(props.adminUsername(), password, "系统管理员", root.code(),
          Set.of(Role.ADMIN)));
    } catch (cn.warmth.shared.BusinessException e) {
      throw new IllegalStateException("The first administrator cannot be created: "
          + e.errors().stream().map(f -> f.field() + " " + f.code()).toList()
          + " (app.bootstrap.admin-password needs 10+ characters, not the username, not a common password)", e);
    }
    log.info("Created root organisation {} and administrator '{}'", root.code(), props.adminUsername());
  }
}
