package cn.warmth.calendar;

import cn.warmth.support.PostgresTest;

@PostgresTest
class WorkingCalendarPostgresIT extends WorkingCalendarContract {}
