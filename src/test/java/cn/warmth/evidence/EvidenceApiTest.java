package cn.warmth.evidence;

import cn.warmth.support.H2Test;

@H2Test
class EvidenceApiTest extends EvidenceContract {}
