package cn.warmth.cases;

/** The recipient categories C1–C11: the rows of the statistics table (statistics-table.md). */
public enum AidCategory { C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11 }
