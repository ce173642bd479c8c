package cn.warmth.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems so that a form or a request reports all of them at once. */
public final class Problems {
  private final List<FieldProblem> list = new ArrayList<>();

  public Problems add(FieldProblem p) {
    list.add(p);
    return this;
  }

  public Problems add(String field, String code, Object... args) {
    return add(FieldProblem.of(field, code, args));
  }

  /** Adds REQUIRED when the value is null or blank; returns true when it was present. */
  public boolean require(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "REQUIRED");
      return false;
    }
    return true;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<FieldProblem> list() {
    return List.copyOf(list);
  }

  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw BusinessException.validation(list);
    }
  }
}
