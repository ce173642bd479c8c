package cn.warmth.cases;

public enum CaseStatus { PENDING_APPROVAL, IN_PROGRESS, REJECTED, CLOSED, VOIDED }
