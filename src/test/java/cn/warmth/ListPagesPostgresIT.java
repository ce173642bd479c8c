package cn.warmth;

import cn.warmth.support.PostgresTest;

@PostgresTest
class ListPagesPostgresIT extends ListPagesContract {}
