package cn.warmth.security;

import cn.warmth.support.PostgresTest;

@PostgresTest
class ApiTokenPostgresIT extends ApiTokenContract {}
