package cn.warmth.calendar;

import cn.warmth.support.H2Test;

@H2Test
class WorkingCalendarTest extends WorkingCalendarContract {}
