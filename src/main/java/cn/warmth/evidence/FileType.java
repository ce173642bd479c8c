package cn.warmth.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The four types evidence accepts, recognised by their first bytes, never by the file's name or
 * the type the browser claims: JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), PDF (%PDF-) and
 * HEIC (an ISO-BMFF {@code ftyp} box whose brand is a HEVC image brand, or mif1/msf1 with one
 * among its compatible brands; AVIF and plain video are not HEIC).
 */
enum FileType {
  JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), HEIC("image/heic", "heic"), PDF("application/pdf", "pdf");

  private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
  private static final Set<String> IMAGE_BRANDS = Set.of("mif1", "msf1");

  final String contentType;
  final String extension;

  FileType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  static Optional<FileType> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
        && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
      return Optional.of(PNG);
    }
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Optional.of(PDF);
    }
    if (b.length >= 16 && ascii(b, 4).equals("ftyp")) {
      long size = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
      if (size < 16 || size > b.length || size > 4096) {
        return Optional.empty();
      }
      String major = ascii(b, 8);
      boolean heicCompatible = false;
      for (int i = 16; i + 4 <= size; i += 4) {
        heicCompatible |= HEIC_BRANDS.contains(ascii(b, i));
      }
      if (HEIC_BRANDS.contains(major) || (IMAGE_BRANDS.contains(major) && heicCompatible)) {
        return Optional.of(HEIC);
      }
    }
    return Optional.empty();
  }

  boolean raster() {
    return this == JPEG || this == PNG;
  }

  private static String ascii(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }
}
