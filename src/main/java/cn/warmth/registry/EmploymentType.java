package cn.warmth.registry;

/** 在编, 非在编, 新就业形态劳动者. */
public enum EmploymentType { ESTABLISHED, NON_ESTABLISHED, NEW_FORM }
