package cn.warmth;

import cn.warmth.support.PostgresTest;

@PostgresTest
class StrictInputPostgresIT extends StrictInputContract {}
