package cn.warmth.operations;

import cn.warmth.support.PostgresTest;

@PostgresTest
class OperationsPostgresIT extends OperationsContract {}
