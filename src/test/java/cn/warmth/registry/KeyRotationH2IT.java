package cn.warmth.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/** Key rotation on the embedded H2 default (the database file under the jar's folder). */
class KeyRotationH2IT extends KeyRotationContract {
  @Override
  List<String> databaseArgs() {
    return List.of();
  }

  @Override
  Map<String, String> databaseEnv() {
    return Map.of();
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("warmth"), "sa", "");
  }
}
