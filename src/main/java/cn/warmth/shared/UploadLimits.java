package cn.warmth.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies are bounded before anything reads them: a request whose declared length is over its
 * limit is answered 413 at once (problem+json {@code PAYLOAD_TOO_LARGE} for API callers, the
 * 413 page for browsers), and a body without a declared length is cut off when it passes the
 * limit. Limits per endpoint ({@code app.upload.*}): the worker import, the bank result file,
 * and everything else. Multipart bodies are also bounded by Spring's multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class UploadLimits extends OncePerRequestFilter {
  private static final Pattern WORKER_IMPORT = Pattern.compile("(/api/v1)?/workers/import");
  private static final Pattern BANK_RESULT = Pattern.compile("(/api/v1)?/payment-batches/[^/]+/bank-result");
  private final long workerImport;
  private final long bankResult;
  private final long anyRequest;
  private final ProblemWriter problems;

  UploadLimits(@Value("${app.upload.worker-import-max-size:16MB}") DataSize workerImport,
      @Value("${app.upload.bank-result-max-size:5MB}") DataSize bankResult,
      @Value("${app.upload.request-max-size:20MB}") DataSize anyRequest, ProblemWriter problems) {
    this.workerImport = workerImport.toBytes();
    this.bankResult = bankResult.toBytes();
    this.anyRequest = anyRequest.toBytes();
    this.problems = problems;
  }

  /** The limit in bytes for a request to this path (within the application). */
  public long limitFor(String path) {
    if (WORKER_IMPORT.matcher(path).matches()) {
      return workerImport;
    }
    if (BANK_RESULT.matcher(path).matches()) {
      return bankResult;
    }
    return anyRequest;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      problems.write(request, response, BusinessException.tooLarge(limit));
      return;
    }
    chain.doFilter(declared < 0 ? new Bounded(request, limit) : request, response);
  }

  /** Thrown (as an IOException, which readers pass on) when a body passes its limit. */
  public static final class TooLarge extends IOException {
    private final long limit;

    TooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /** A request whose body stream stops with {@link TooLarge} after {@code limit} bytes. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
              throw new TooLarge(limit);
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
