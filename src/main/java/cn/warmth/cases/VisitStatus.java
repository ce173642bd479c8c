package cn.warmth.cases;

public enum VisitStatus { PLANNED, COMPLETED, WAIVED }
