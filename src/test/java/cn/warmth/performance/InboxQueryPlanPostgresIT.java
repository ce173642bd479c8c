package cn.warmth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.support.PostgresTest;
import cn.warmth.support.Scenario;
import cn.warmth.support.TestIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox's engine query on PostgreSQL (issue 13): the SQL Camunda sends for 我的待办 (open tasks
 * assigned to the user or offered to one of their groups, earliest due first, one page, and its
 * count), taken from the engine's own mapping with the same parameters, is served by the group
 * index of the identity links, not by reading every task. With sequential scans off, so that the
 * few rows of a test database cannot make a scan cheaper.
 */
@PostgresTest
class InboxQueryPlanPostgresIT {
  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  cn.warmth.support.MutableClock clock;

  @Test
  void theInboxQueryUsesTheGroupIndex() {
    Scenario s = new Scenario(port);
    java.time.LocalDate today = java.time.LocalDate.now(clock);
    s.runningCampaign(s.p + "-IB", today);
    long worker = s.worker("收件箱", TestIds.nextId(), null);
    assertThat(s.as("officer").post("/api/v1/cases", Scenario.caseBody(s.p + "-IB", worker, "CASH", "200",
        today)).status()).isEqualTo(201);
    List<String> groups = List.of("finance@SX", "finance@" + s.city, "finance@" + s.school);

    for (String statement : List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")) {
      String plan = explain(statement, groups, s.name("finance"));
      assertThat(plan).as(plan).containsIgnoringCase("act_idx_ident_lnk_group");
      assertThat(plan).as(plan).doesNotContainIgnoringCase("Seq Scan on act_ru_task");
    }
  }

  /** EXPLAIN of one of the engine's task statements, built from its MyBatis mapping for the inbox's query. */
  String explain(String statement, List<String> groups, String user) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    TaskQueryImpl q = (TaskQueryImpl) tasks.createTaskQuery().active().or().taskAssignee(user)
        .taskCandidateGroupIn(groups).endOr().orderByDueDate().asc().orderByTaskCreateTime().desc().orderByTaskId().asc();
    q.setFirstResult(0);
    q.setMaxResults(50);
    Map.Entry<String, List<Object>> sql = config.getCommandExecutorTxRequired().execute((Command<Map.Entry<String,
        List<Object>>>) ctx -> {
      ctx.getAuthorizationManager().configureTaskQuery(q);
      DbSqlSessionFactory factory = config.getDbSqlSessionFactory();
      Configuration mybatis = config.getSqlSessionFactory().getConfiguration();
      BoundSql bound = mybatis.getMappedStatement(factory.mapStatement(statement)).getBoundSql(q);
      MetaObject meta = mybatis.newMetaObject(q);
      List<Object> args = new ArrayList<>();
      for (ParameterMapping pm : bound.getParameterMappings()) {
        String p = pm.getProperty();
        args.add(bound.hasAdditionalParameter(p) ? bound.getAdditionalParameter(p) : meta.getValue(p));
      }
      return Map.entry(bound.getSql(), args);
    });
    return jdbc.execute((Connection c) -> {
      try (var st = c.createStatement()) {
        st.execute("set enable_seqscan = off");
      }
      List<String> lines = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("explain " + sql.getKey())) {
        for (int i = 0; i < sql.getValue().size(); i++) {
          Object v = sql.getValue().get(i);
          ps.setObject(i + 1, v instanceof java.util.Date d ? new java.sql.Timestamp(d.getTime()) : v);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      } finally {
        try (var st = c.createStatement()) {
          st.execute("set enable_seqscan = on");
        }
      }
      return String.join("\n", lines);
    });
  }
}
