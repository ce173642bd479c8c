package cn.warmth;

import cn.warmth.support.H2Test;

@H2Test
class OfficerPagesTest extends OfficerPagesContract {}
