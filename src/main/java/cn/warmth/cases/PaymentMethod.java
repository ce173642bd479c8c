package cn.warmth.cases;

public enum PaymentMethod { BANK_CARD, CASH, GOODS }
