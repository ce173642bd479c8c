package cn.warmth.shared;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a list page's pager fragment ({@code fragments/pager.html}) shows: "共 N 条", the page
 * and its first/previous/next/last links, and the column headers' sort links. Every link is
 * the current request's path and query string with only {@code page} (and {@code sort})
 * replaced, so filters stay in the links. The rows come from {@link Paged} (counted in SQL).
 */
public record Pager(long total, int page, int size, SortOrder sort, String base) {
  /** The pager for one page of rows, links built from the current request. */
  public static Pager of(Paged<?> rows, PageParams page, SortOrder sort) {
    UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().build();
    String base = current.getPath() + (current.getQuery() == null ? "" : "?" + current.getQuery());
    return new Pager(rows.total(), page.page(), page.size(), sort, base);
  }

  /** Number of pages (at least 1). */
  public long pages() {
    return Math.max(1, (total + size - 1) / size);
  }

  /** The rows shown: "第 51–100 条". */
  public long from() {
    return total == 0 ? 0 : (long) page * size + 1;
  }

  public long to() {
    return Math.min(total, (long) page * size + size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public String first() {
    return at(0);
  }

  public String previous() {
    return at((int) Math.min(page - 1L, pages() - 1));
  }

  public String next() {
    return at(page + 1);
  }

  public String last() {
    return at((int) Math.min(pages() - 1, PageParams.MAX_OFFSET / size));
  }

  /** The link that sorts by this key: the other way round if it is the sort now; back to the first page. */
  public String sortLink(String key) {
    SortOrder next = sort != null && sort.key().equals(key) ? sort.reversed() : new SortOrder(key, false);
    return builder().replaceQueryParam("page").replaceQueryParam("sort", next.param()).build().toUriString();
  }

  /** ▲ or ▼ beside the header of the column the list is sorted by, nothing elsewhere. */
  public String sortMark(String key) {
    return sort == null || !sort.key().equals(key) ? "" : sort.descending() ? "▼" : "▲";
  }

  /** aria-sort of a column header. */
  public String ariaSort(String key) {
    return sort == null || !sort.key().equals(key) ? "none" : sort.descending() ? "descending" : "ascending";
  }

  private String at(int n) {
    var b = builder();
    return (n <= 0 ? b.replaceQueryParam("page") : b.replaceQueryParam("page", n)).build().toUriString();
  }

  private UriComponentsBuilder builder() {
    return UriComponentsBuilder.fromUriString(base);
  }
}
