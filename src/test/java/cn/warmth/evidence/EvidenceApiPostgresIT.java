package cn.warmth.evidence;

import cn.warmth.support.PostgresTest;

@PostgresTest
class EvidenceApiPostgresIT extends EvidenceContract {}
