package cn.warmth.reports;

public enum ReportStatus { SUBMITTED, ACCEPTED, RETURNED }
