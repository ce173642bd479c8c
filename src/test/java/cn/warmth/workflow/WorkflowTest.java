package cn.warmth.workflow;

import cn.warmth.support.H2Test;

@H2Test
class WorkflowTest extends WorkflowContract {}
