package cn.warmth.workflow;

import cn.warmth.support.PostgresTest;

@PostgresTest
class WorkflowPostgresIT extends WorkflowContract {}
