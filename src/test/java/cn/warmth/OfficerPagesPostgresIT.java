package cn.warmth;

import cn.warmth.support.PostgresTest;

@PostgresTest
class OfficerPagesPostgresIT extends OfficerPagesContract {}
