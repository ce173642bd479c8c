package cn.warmth.reports;

import cn.warmth.support.PostgresTest;

@PostgresTest
class ReportApiPostgresIT extends ReportContract {}
