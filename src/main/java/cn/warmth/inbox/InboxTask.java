package cn.warmth.inbox;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One open task of the signed-in user, as GET /api/v1/tasks and the home page show it (api.md:
 * {@code id, name, key, caseNumber?, fileId?, reportId?, dueDate}, plus what the page shows).
 * {@code name} is the title in business words in the request's language ({@code kind} the kind of
 * task alone, e.g. 财务审核); {@code dueDate} the
 * Beijing calendar day; {@code caseNumber} is only ever a real case; {@code link} the page the
 * task opens (null for a task no adapter explains).
 */
public record InboxTask(String id, String name, String kind, String key, String processKey, String caseNumber, Long fileId,
    Long reportId, LocalDate dueDate, Inbox.Urgency urgency, String link, String unit, String worker,
    String amountYuan, boolean dismissable, Instant created) {}
