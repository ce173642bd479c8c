package cn.warmth.approvals;

import cn.warmth.support.H2Test;

@H2Test
class ApprovalDeskApiTest extends ApprovalDeskContract {}
