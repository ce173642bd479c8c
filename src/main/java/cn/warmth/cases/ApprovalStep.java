package cn.warmth.cases;

public enum ApprovalStep { FINANCE, MANAGER }
