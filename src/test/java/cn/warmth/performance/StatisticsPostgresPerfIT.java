package cn.warmth.performance;

import cn.warmth.support.PostgresTest;

@PostgresTest
class StatisticsPostgresPerfIT extends StatisticsPerformanceContract {
  @Override
  String database() {
    return "PostgreSQL";
  }
}
