package cn.warmth.activities;

/** Activities that are not cases: rows A, F1–F3, G, H/I of the statistics table. */
public enum ActivityKind { ENTERPRISE_VISIT, SERVICE_PSYCH, SERVICE_CULTURE, SERVICE_OTHER, MIGRANT_RETURN, WAGE_RECOVERY }
