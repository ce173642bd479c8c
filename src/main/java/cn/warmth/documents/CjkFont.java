package cn.warmth.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font embedded (as a subset) in every PDF: the first of {@code app.documents.fonts}
 * (paths separated by ';') found on the server (a TrueType file, or "path,index" in a
 * collection), else the
 * GB 2312 subset of WenQuanYi Micro Hei shipped in the jar (Apache 2.0, licence beside it), so
 * that a server without any CJK font still prints Chinese. A rare character outside GB 2312
 * needs a system font: CI and the Debian set-up install fonts-wqy-microhei.
 */
@Component
class CjkFont {
  static final String SHIPPED = "fonts/wqy-microhei-gb2312.ttf";
  private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
  private final BaseFont font;
  private final String source;

  CjkFont(@Value("${app.documents.fonts:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0;"
      + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0}") String candidates) {
    BaseFont found = null;
    String from = null;
    for (String candidate : candidates.split(";")) {
      String path = candidate.strip();
      String file = path.matches(".*\\.tt[cf],\\d+$") ? path.substring(0, path.lastIndexOf(',')) : path;
      if (found != null || path.isEmpty() || !new File(file).canRead()) {
        continue;
      }
      try {
        found = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        from = path;
      } catch (Exception e) {
        log.warn("CJK font {} could not be read: {}", path, e.getMessage());
      }
    }
    if (found == null) {
      found = shipped();
      from = "classpath:" + SHIPPED;
    }
    this.font = found;
    this.source = from;
    log.info("PDF documents use the CJK font {}", from);
  }

  static BaseFont shipped() {
    try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the shipped font " + SHIPPED + " is missing");
      }
      return BaseFont.createFont("wqy-microhei-gb2312.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
          in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  BaseFont font() {
    return font;
  }

  String source() {
    return source;
  }
}
