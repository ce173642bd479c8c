package cn.warmth.statistics;

import cn.warmth.support.H2Test;

@H2Test
class StatisticsApiTest extends StatisticsContract {}
