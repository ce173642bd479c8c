package cn.warmth.cases;

import cn.warmth.support.H2Test;

@H2Test
class CaseApiTest extends CaseContract {}
