package cn.warmth.evidence;

import cn.warmth.shared.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload bigger than the server reads at all (spring.servlet.multipart.max-file-size) fails
 * before any controller runs. The API answers 413 problem+json with {@code PAYLOAD_TOO_LARGE};
 * a page goes back where it came from with the message.
 */
@ControllerAdvice
class UploadLimitAdvice {
  private final MessageSource messages;
  private final DataSize serverLimit;

  UploadLimitAdvice(MessageSource messages,
      @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize serverLimit) {
    this.messages = messages;
    this.serverLimit = serverLimit;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request, Locale locale) {
    String mb = String.valueOf(serverLimit.toMegabytes());
    String text = messages.getMessage("error.EVIDENCE_FILE_TOO_LARGE", new Object[] {mb}, locale);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail pd = ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", text);
      pd.setProperty("errors", List.of(Map.of("field", "file", "code", "PAYLOAD_TOO_LARGE", "message", text)));
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
    RequestContextUtils.getOutputFlashMap(request).put("errorMessage", text);
    return "redirect:" + sameSiteReferer(request);
  }

  /** Back to the page of the form, never to another site. */
  private static String sameSiteReferer(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    try {
      URI uri = referer == null ? null : URI.create(referer);
      if (uri != null && uri.getRawPath() != null && request.getServerName().equals(uri.getHost())) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      }
    } catch (IllegalArgumentException e) {
      // an unreadable Referer: go home
    }
    return "/";
  }
}
