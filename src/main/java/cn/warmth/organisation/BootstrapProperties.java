package cn.warmth.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** app.bootstrap.*: the root organisation and first administrator created on an empty database. */
@ConfigurationProperties(prefix = "app.bootstrap")
public record BootstrapProperties(String rootOrgCode, String rootOrgName, String adminUsername, String adminPassword) {
  public BootstrapProperties {
    rootOrgCode = rootOrgCode == null || rootOrgCode.isBlank() ? "SX" : rootOrgCode;
    rootOrgName = rootOrgName == null || rootOrgName.isBlank() ? "陕西省教科文卫体工会" : rootOrgName;
    adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
  }
}
