package cn.warmth.loadgen;

import cn.warmth.support.PostgresTest;

@PostgresTest
class ProvinceFillPostgresIT extends ProvinceFillContract {}
