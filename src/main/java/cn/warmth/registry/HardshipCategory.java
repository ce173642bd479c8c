package cn.warmth.registry;

/** 深度困难, 相对困难, 意外致困. */
public enum HardshipCategory { DEEP, RELATIVE, ACCIDENT }
