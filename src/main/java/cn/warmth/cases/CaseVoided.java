package cn.warmth.cases;

/** Published inside the voiding transaction: the case leaves the statistics. */
public record CaseVoided(String caseNumber) {}
