package cn.warmth.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The answer of every list call (api.md): the page's rows as a JSON array, the total in
 * {@code X-Total-Count}, and RFC 8288 {@code Link} headers with {@code rel="next"} and
 * {@code rel="prev"} where there are such pages (the current query string kept, page replaced).
 */
public final class Paging {
  public static final String TOTAL = "X-Total-Count";

  private Paging() {}

  public static <T> ResponseEntity<List<T>> answer(Paged<T> rows, PageParams page) {
    List<String> links = new ArrayList<>();
    if ((long) page.offset() + page.size() < rows.total()) {
      links.add(link(page.page() + 1, page.size(), "next"));
    }
    if (page.page() > 0 && rows.total() > 0) {
      long lastPage = Math.max(0, (rows.total() - 1) / page.size());
      links.add(link((int) Math.min(page.page() - 1, lastPage), page.size(), "prev"));
    }
    var answer = ResponseEntity.ok().header(TOTAL, Long.toString(rows.total()));
    if (!links.isEmpty()) {
      answer.header("Link", String.join(", ", links));
    }
    return answer.body(rows.items());
  }

  private static String link(int page, int size, String rel) {
    String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
        .replaceQueryParam("size", size).build().toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }

  /** Lets controllers declare a {@link PageParams} parameter (registered in WebConfig). */
  static HandlerMethodArgumentResolver resolver() {
    return new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageParams.class;
      }

      @Override
      public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
          WebDataBinderFactory binders) {
        return PageParams.of(request.getParameter("page"), request.getParameter("size"));
      }
    };
  }
}
