package cn.warmth.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A person's command that drives a process (on a {@code @Transactional} service method).
 *
 * <ul>
 *   <li>It runs with the engine's authenticated user set to the signed-in user.</li>
 *   <li>A timer never beats a person: when the command fails only because the engine's job
 *       executor changed the same process instance at the same moment (the engine's optimistic
 *       lock, or a lock conflict the database resolved by aborting us), it is run again in a
 *       fresh transaction, at most {@value WorkflowCommandInterceptor#MAX_ATTEMPTS} times in all.
 *       The retry wraps the transaction from outside, so every attempt starts clean.</li>
 *   <li>A real concurrent human change still answers 409: entities the command loads are
 *       registered with {@link CommandAttempts#observe}, and a later attempt that finds one of
 *       them at another version than the first attempt saw refuses with {@code CONCURRENT_CHANGE}.</li>
 * </ul>
 * Called inside a running transaction (by another service), the outermost caller decides: no retry.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkflowCommand {}
