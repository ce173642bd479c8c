package cn.warmth.registry;

/** What the case and disbursement modules need to know about a worker. */
public record WorkerFacts(long id, String name, String orgCode, String orgPath, EmploymentType employmentType,
    boolean disabled, boolean hasBankCard, String bankName, String bankCardMasked) {}
