package cn.warmth.registry;

import cn.warmth.support.PostgresTest;

@PostgresTest
class FilingProcessPostgresIT extends FilingProcessContract {}
