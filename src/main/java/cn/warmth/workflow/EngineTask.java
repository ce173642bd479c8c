package cn.warmth.workflow;

import java.time.Instant;

/**
 * An open user task of the engine, without engine types: what an adapter needs to turn it into
 * a work item. {@code processKey} is the process definition key, {@code businessKey} the process
 * instance's business key (its format belongs to the adapter that started the instance).
 */
public record EngineTask(String id, String name, String taskKey, String processKey, String processInstanceId,
    String executionId, String businessKey, Instant due, Instant created, String assignee) {}
