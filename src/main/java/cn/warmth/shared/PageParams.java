package cn.warmth.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * One page of a list (api.md "List calls"): {@code page} from 0, {@code size} 1–{@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}), and at most {@value #MAX_OFFSET} rows skipped (beyond that,
 * filter). Controllers declare a parameter of this type; {@link Paging#resolver()} reads it from
 * the query string and refuses anything else with 400 VALIDATION_FAILED before the handler runs.
 * Page controllers can use it the same way.
 */
public record PageParams(int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;
  public static final long MAX_OFFSET = 10_000_000L;

  public PageParams {
    if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_OFFSET) {
      throw new IllegalArgumentException("page out of range");
    }
  }

  /** The first page with the default size. */
  public static PageParams first() {
    return new PageParams(0, DEFAULT_SIZE);
  }

  /** Reads page and size as given in a query string (null = default); 400 with field problems otherwise. */
  public static PageParams of(String page, String size) {
    Problems p = new Problems();
    Long n = page == null || page.isBlank() ? Long.valueOf(0) : Integers.parse(page, "page", 0, Integer.MAX_VALUE, true, p);
    Long s = size == null || size.isBlank() ? Long.valueOf(DEFAULT_SIZE)
        : Integers.parse(size, "size", 1, MAX_SIZE, true, p);
    if (n != null && s != null && n * s > MAX_OFFSET) {
      p.add("page", "PAGE_TOO_FAR", MAX_OFFSET);
    }
    p.throwIfAny();
    return new PageParams(n.intValue(), s.intValue());
  }

  /** Rows to skip. */
  public int offset() {
    return page * size;
  }

  public Pageable pageable(Sort sort) {
    return PageRequest.of(page, size, sort);
  }
}
