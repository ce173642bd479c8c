package cn.warmth.inbox;

import cn.warmth.support.PostgresTest;

@PostgresTest
class InboxWalkPostgresIT extends InboxWalkContract {}
