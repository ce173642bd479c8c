package cn.warmth;

import cn.warmth.support.H2Test;

@H2Test
class StrictInputTest extends StrictInputContract {}
