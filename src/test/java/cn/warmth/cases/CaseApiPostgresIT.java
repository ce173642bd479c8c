package cn.warmth.cases;

import cn.warmth.support.PostgresTest;

@PostgresTest
class CaseApiPostgresIT extends CaseContract {}
