package cn.warmth.shared;

import java.util.List;
import java.util.function.Function;

/** One page of rows and the total number of rows in the whole list (counted in SQL). */
public record Paged<T>(List<T> items, long total) {
  public Paged {
    items = List.copyOf(items);
  }

  public static <T> Paged<T> of(org.springframework.data.domain.Page<T> page) {
    return new Paged<>(page.getContent(), page.getTotalElements());
  }

  /**
   * A page of a list that is small by construction (one row per fund source, per child unit,
   * per step of one case): computed whole, then cut.
   */
  public static <T> Paged<T> ofBounded(List<T> all, PageParams page) {
    int from = (int) Math.min(all.size(), (long) page.offset());
    int to = (int) Math.min(all.size(), (long) from + page.size());
    return new Paged<>(all.subList(from, to), all.size());
  }

  public <R> Paged<R> map(Function<? super T, ? extends R> f) {
    return new Paged<>(items.stream().<R>map(f).toList(), total);
  }
}
