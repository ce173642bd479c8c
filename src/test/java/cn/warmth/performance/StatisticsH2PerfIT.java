package cn.warmth.performance;

import cn.warmth.support.H2Test;

@H2Test
class StatisticsH2PerfIT extends StatisticsPerformanceContract {
  @Override
  String database() {
    return "H2";
  }
}
