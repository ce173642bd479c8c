package cn.warmth.organisation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside the demo, an empty database without an admin password refuses to start (the runner
 * throws, so Spring Boot stops). Tested on the runner itself: starting a second application in
 * the shared test JVM would disturb Camunda's static engine registry for the other tests; the
 * whole-jar behaviour is checked by hand (see the issue note).
 */
class BootstrapTest {
  final Organisations organisations = mock(Organisations.class);
  final Users users = mock(Users.class);

  @Test
  void refusesWithoutAdminPasswordOnAnEmptyDatabase() {
    when(users.anyExists()).thenReturn(false);
    Bootstrap b = new Bootstrap(new BootstrapProperties(null, null, null, ""), organisations, users, new MockEnvironment());
    assertThatThrownBy(() -> b.run(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("app.bootstrap.admin-password");
    verify(users, never()).createUnchecked(any());
  }

  @Test
  void theDemoProfileHasAPasswordAndAFilledDatabaseNeedsNone() {
    when(users.anyExists()).thenReturn(false);
    when(organisations.bootstrapRoot("SX", "陕西省教科文卫体工会")).thenReturn(new OrgView("SX", "陕西省教科文卫体工会",
        OrgType.PROVINCE, null, "/SX/"));
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    new Bootstrap(new BootstrapProperties(null, null, null, null), organisations, users, demo).run(null);
    verify(users).createUnchecked(any());

    Users filled = mock(Users.class);
    when(filled.anyExists()).thenReturn(true);
    new Bootstrap(new BootstrapProperties(null, null, null, null), organisations, filled, new MockEnvironment()).run(null);
    verify(filled, never()).createUnchecked(any());
  }
}
