package cn.warmth.cases;

/** E1 落实民生政策, E2 生活救助, E3 医疗救助, E4 子女助学救助, E5 其他帮扶救助. */
public enum Assistance { E1, E2, E3, E4, E5 }
