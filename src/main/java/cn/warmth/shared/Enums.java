package cn.warmth.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Reads enum codes from requests and forms, reporting a field problem instead of failing. */
public final class Enums {
  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Problems problems) {
    if (!problems.require(field, value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      problems.add(field, "INVALID_CODE");
      return null;
    }
  }

  public static <E extends Enum<E>> Set<E> parseAll(Class<E> type, Collection<String> values, String field,
      Problems problems) {
    Set<E> result = EnumSet.noneOf(type);
    if (values == null) {
      return result;
    }
    for (String v : values) {
      E e = parse(type, v, field, problems);
      if (e != null) {
        result.add(e);
      }
    }
    return result;
  }
}
