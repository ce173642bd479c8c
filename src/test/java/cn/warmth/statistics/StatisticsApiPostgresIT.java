package cn.warmth.statistics;

import cn.warmth.support.PostgresTest;

@PostgresTest
class StatisticsApiPostgresIT extends StatisticsContract {}
