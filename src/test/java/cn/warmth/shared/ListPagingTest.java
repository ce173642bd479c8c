package cn.warmth.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The pieces every list page shares: Beijing times, the sort parameter and the pager's links. */
class ListPagingTest {
  @AfterEach
  void clear() {
    RequestContextHolder.resetRequestAttributes();
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void timesAreBeijingTimesWhateverTheServersZone() {
    Times times = new Times(Clock.system(ZoneId.of("Asia/Shanghai")));
    Instant lateEvening = Instant.parse("2024-01-04T16:30:00Z"); // 00:30 on 5 January in Beijing
    assertThat(times.dateTime(lateEvening)).isEqualTo("2024-01-05 00:30");
    assertThat(times.date(lateEvening)).isEqualTo("2024-01-05");
    assertThat(times.seconds(Instant.parse("2024-01-04T16:30:07Z"))).isEqualTo("2024-01-05 00:30:07");
    assertThat(times.date(java.util.Date.from(lateEvening))).isEqualTo("2024-01-05");
    assertThat(times.day(lateEvening)).isEqualTo(LocalDate.of(2024, 1, 5));
    // A LocalDate or LocalDateTime is already Beijing's: only formatted.
    assertThat(times.date(LocalDate.of(2024, 2, 24))).isEqualTo("2024-02-24");
    assertThat(times.dateTime(LocalDateTime.of(2024, 2, 24, 9, 5))).isEqualTo("2024-02-24 09:05");
    assertThat(times.chinese(LocalDate.of(2024, 1, 5))).isEqualTo("2024年1月5日");
    assertThat(times.monthDay(LocalDate.of(2024, 1, 5))).isEqualTo("01-05");
    assertThat(times.dateTime(null)).isEmpty();
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(times.weekday(LocalDate.of(2024, 1, 5))).isEqualTo("周五");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(times.weekday(LocalDate.of(2024, 1, 5))).isEqualTo("Fri");
    assertThatThrownBy(() -> times.date("2024-01-05")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSortParameterIsOneOfTheListsKeysAndEndsWithTheId() {
    SortOrder byName = SortOrder.parse("-name", "registered", List.of("name", "registered"));
    assertThat(byName.param()).isEqualTo("-name");
    assertThat(byName.toSort(Map.of("name", "name", "registered", "id")))
        .isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.desc("id")));
    assertThat(SortOrder.parse(" ", "registered", List.of("name", "registered")).toSort(Map.of("registered", "id")))
        .isEqualTo(Sort.by(Sort.Order.asc("id")));
    assertThat(SortOrder.parse("amount", "x", List.of("amount")).toSql(Map.of("amount", "amount_fen, goods_fen"), "id"))
        .isEqualTo("amount_fen asc, goods_fen asc, id asc");
    assertThatThrownBy(() -> SortOrder.parse("name; drop table worker", "name", List.of("name")))
        .isInstanceOfSatisfying(BusinessException.class, e -> {
          assertThat(e.status().value()).isEqualTo(400);
          assertThat(e.errors().get(0).field()).isEqualTo("sort");
          assertThat(e.errors().get(0).code()).isEqualTo("INVALID_SORT");
        });
  }

  @Test
  void thePagerKeepsTheFiltersAndReplacesOnlyPageAndSort() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/workers");
    request.setQueryString("org=SX-XA&q=%E5%BC%A0&page=2&sort=name");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    Pager p = Pager.of(new Paged<>(List.of("a", "b", "c"), 250), new PageParams(2, 50), new SortOrder("name", false));

    assertThat(p.pages()).isEqualTo(5);
    assertThat(p.from()).isEqualTo(101);
    assertThat(p.to()).isEqualTo(150);
    assertThat(p.hasPrevious()).isTrue();
    assertThat(p.hasNext()).isTrue();
    assertThat(p.next()).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=name&page=3");
    assertThat(p.previous()).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=name&page=1");
    assertThat(p.first()).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=name");
    assertThat(p.last()).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=name&page=4");
    assertThat(p.sortLink("name")).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=-name");
    assertThat(p.sortLink("org")).isEqualTo("/workers?org=SX-XA&q=%E5%BC%A0&sort=org");
    assertThat(p.sortMark("name")).isEqualTo("▲");
    assertThat(p.sortMark("org")).isEmpty();
    assertThat(p.ariaSort("name")).isEqualTo("ascending");

    // The last page: no next; an empty list: one page, nothing shown.
    Pager end = Pager.of(new Paged<>(List.of("z"), 201), new PageParams(4, 50), null);
    assertThat(end.hasNext()).isFalse();
    assertThat(end.to()).isEqualTo(201);
    Pager none = Pager.of(new Paged<>(List.of(), 0), PageParams.first(), null);
    assertThat(none.pages()).isEqualTo(1);
    assertThat(none.from()).isZero();
    assertThat(none.hasPrevious() || none.hasNext()).isFalse();
  }
}
