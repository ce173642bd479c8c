package cn.warmth.approvals;

import cn.warmth.support.PostgresTest;

@PostgresTest
class ApprovalDeskPostgresIT extends ApprovalDeskContract {}
