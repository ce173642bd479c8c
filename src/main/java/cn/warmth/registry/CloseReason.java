package cn.warmth.registry;

/** 脱困, 解困, 其他. */
public enum CloseReason { OUT_OF_HARDSHIP, RELIEVED, OTHER }
