package cn.warmth.reports;

import cn.warmth.support.H2Test;

@H2Test
class ReportApiTest extends ReportContract {}
