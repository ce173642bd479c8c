package cn.warmth.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * How a list page is ordered: {@code ?sort=name} (ascending) or {@code ?sort=-name} (descending),
 * among the keys the list allows. Anything else is refused (400 {@code INVALID_SORT}), never
 * passed to a query. Each list maps its keys to entity properties and ends with the id, so that
 * pages never overlap or skip rows.
 */
public record SortOrder(String key, boolean descending) {
  /** Reads {@code sort}; blank means {@code fallback}. */
  public static SortOrder parse(String raw, String fallback, java.util.Collection<String> allowed) {
    String text = raw == null || raw.isBlank() ? fallback : raw.strip();
    boolean desc = text.startsWith("-");
    String key = desc ? text.substring(1) : text;
    if (!allowed.contains(key)) {
      throw BusinessException.validation(FieldProblem.of("sort", "INVALID_SORT", String.join(", ", allowed)));
    }
    return new SortOrder(key, desc);
  }

  /** As written in a link: {@code name} or {@code -name}. */
  public String param() {
    return (descending ? "-" : "") + key;
  }

  /** The same key the other way round (for a column header that is already the sort). */
  public SortOrder reversed() {
    return new SortOrder(key, !descending);
  }

  /**
   * The JPA sort: the properties the key stands for (e.g. {@code "date" → "visitPlannedDate"}, or
   * several separated by commas), in this direction, then the id in the same direction.
   */
  public Sort toSort(Map<String, String> properties) {
    Sort.Direction d = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
    List<Sort.Order> orders = new ArrayList<>();
    for (String p : properties.get(key).split(",")) {
      orders.add(new Sort.Order(d, p.strip()));
    }
    if (orders.stream().noneMatch(o -> o.getProperty().equals("id"))) {
      orders.add(new Sort.Order(d, "id"));
    }
    return Sort.by(orders);
  }

  /** As SQL, for lists read with plain SQL: the mapped columns in this direction, then {@code idColumn}. */
  public String toSql(Map<String, String> columns, String idColumn) {
    String dir = descending ? " desc" : " asc";
    List<String> parts = new ArrayList<>();
    for (String c : columns.get(key).split(",")) {
      parts.add(c.strip() + dir);
    }
    parts.add(idColumn + dir);
    return String.join(", ", parts);
  }
}
