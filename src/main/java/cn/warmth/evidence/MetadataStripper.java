package cn.warmth.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes the metadata a photo carries (EXIF with its GPS position and capture time, XMP,
 * comments) from the copy that is stored, without re-encoding the picture:
 * <ul>
 *   <li>JPEG: the APP1 (EXIF, XMP), APP2 other than the ICC colour profile, APP3–APP13, APP15 and
 *   COM segments are dropped; everything after the image's end (phones append previews and
 *   depth maps there, with their own EXIF) is cut. An orientation other than "normal" is kept
 *   in a minimal EXIF of one tag, so that portrait photos still show upright.</li>
 *   <li>PNG: the eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped; nothing after IEND is kept.</li>
 *   <li>HEIC: the bytes of the Exif item and of XMP items are overwritten in place (an empty EXIF),
 *   so every offset of the file stays valid; the picture's rotation lives in its own box.</li>
 * </ul>
 * A file whose structure does not read as its type is refused ({@link Damaged}).
 */
final class MetadataStripper {
  static final class Damaged extends RuntimeException {
    Damaged(String why) {
      super(why);
    }
  }

  private MetadataStripper() {}

  static byte[] strip(FileType type, byte[] b, int orientation) {
    return switch (type) {
      case JPEG -> jpeg(b, orientation);
      case PNG -> png(b);
      case HEIC -> heic(b);
      case PDF -> b;
    };
  }

  // ------------------------------------------------------------------ JPEG

  static byte[] jpeg(byte[] b, int orientation) {
    int n = b.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    out.write(0xFF);
    out.write(0xD8);
    int i = 2;
    boolean orientationWritten = orientation <= 1 || orientation > 8;
    boolean first = true;
    while (true) {
      if (i >= n) {
        break; // truncated after a scan: end it properly below
      }
      if ((b[i] & 0xFF) != 0xFF) {
        throw new Damaged("JPEG: marker expected at " + i);
      }
      while (i + 1 < n && (b[i + 1] & 0xFF) == 0xFF) {
        i++; // fill bytes
      }
      if (i + 1 >= n) {
        break;
      }
      int marker = b[i + 1] & 0xFF;
      i += 2;
      if (marker == 0xD9) {
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray(); // whatever follows the image is not kept
      }
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        out.write(0xFF);
        out.write(marker);
        continue;
      }
      if (i + 2 > n) {
        throw new Damaged("JPEG: segment length missing");
      }
      int len = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
      if (len < 2 || i + len > n) {
        throw new Damaged("JPEG: segment runs past the end");
      }
      boolean keep = keepSegment(marker, b, i + 2, len - 2);
      if (!orientationWritten && !(first && marker == 0xE0)) {
        writeOrientation(out, orientation);
        orientationWritten = true;
      }
      first = false;
      if (keep) {
        out.write(0xFF);
        out.write(marker);
        out.write(b, i, len);
      }
      i += len;
      if (marker == 0xDA) {
        int j = i;
        while (j < n) {
          if ((b[j] & 0xFF) == 0xFF && j + 1 < n) {
            int next = b[j + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
              j += 2;
              continue;
            }
            break; // a marker: the scan's data ends here
          }
          j++;
        }
        out.write(b, i, j - i);
        i = j;
      }
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  private static boolean keepSegment(int marker, byte[] b, int at, int len) {
    if (marker == 0xFE) {
      return false; // COM
    }
    if (marker < 0xE0 || marker > 0xEF) {
      return true; // tables, frame, scan headers
    }
    if (marker == 0xE0 || marker == 0xEE) {
      return true; // JFIF, Adobe (colour transform)
    }
    if (marker == 0xE2) {
      return len >= 12 && new String(b, at, 12, StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0");
    }
    return false;
  }

  /** APP1 "Exif" with one IFD entry: Orientation (0x0112, SHORT). */
  private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
    byte[] seg = {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 1,
        0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
    out.write(seg, 0, seg.length);
  }

  // ------------------------------------------------------------------ PNG

  private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

  static byte[] png(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 8);
    int i = 8;
    while (i + 12 <= b.length) {
      long len = u32(b, i);
      if (len > b.length - i - 12L) {
        throw new Damaged("PNG: chunk runs past the end");
      }
      String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
      if (!type.chars().allMatch(Character::isLetter)) {
        throw new Damaged("PNG: bad chunk type");
      }
      int total = (int) len + 12;
      CRC32 crc = new CRC32();
      crc.update(b, i + 4, (int) len + 4);
      if (crc.getValue() != u32(b, i + 8 + (int) len)) {
        throw new Damaged("PNG: bad chunk checksum");
      }
      if (!PNG_DROPPED.contains(type)) {
        out.write(b, i, total);
      }
      i += total;
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
    throw new Damaged("PNG: no IEND");
  }

  // ------------------------------------------------------------------ HEIC (ISO-BMFF)

  private record Box(String type, int start, int contentStart, int end) {}

  private static Box box(byte[] b, int at, int limit) {
    if (at + 8 > limit) {
      throw new Damaged("HEIC: box header past the end");
    }
    long size = u32(b, at);
    String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
    int header = 8;
    if (size == 1) {
      if (at + 16 > limit) {
        throw new Damaged("HEIC: large box header past the end");
      }
      size = (u32(b, at + 8) << 32) | u32(b, at + 12);
      header = 16;
    } else if (size == 0) {
      size = limit - at;
    }
    if (size < header || at + size > limit) {
      throw new Damaged("HEIC: box " + type + " runs past the end");
    }
    return new Box(type, at, at + header, (int) (at + size));
  }

  private static List<Box> children(byte[] b, int from, int to) {
    List<Box> list = new ArrayList<>();
    int at = from;
    while (at < to) {
      Box x = box(b, at, to);
      list.add(x);
      at = x.end();
    }
    return list;
  }

  static byte[] heic(byte[] original) {
    byte[] b = original.clone();
    Box meta = children(b, 0, b.length).stream().filter(x -> x.type().equals("meta")).findFirst()
        .orElseThrow(() -> new Damaged("HEIC: no meta box"));
    List<Box> inMeta = children(b, meta.contentStart() + 4, meta.end()); // full box: version and flags first
    Map<Long, String> scrub = new HashMap<>(); // item id → "Exif" or "xmp"
    Box iloc = null;
    Box idat = null;
    for (Box x : inMeta) {
      switch (x.type()) {
        case "iinf" -> readItemInfos(b, x, scrub);
        case "iloc" -> iloc = x;
        case "idat" -> idat = x;
        default -> { }
      }
    }
    if (scrub.isEmpty()) {
      return b;
    }
    if (iloc == null) {
      throw new Damaged("HEIC: item locations missing");
    }
    overwrite(b, iloc, idat, scrub);
    return b;
  }

  private static void readItemInfos(byte[] b, Box iinf, Map<Long, String> scrub) {
    int at = iinf.contentStart();
    int version = b[at] & 0xFF;
    at += 4;
    at += version == 0 ? 2 : 4; // entry count (the boxes themselves say how many)
    for (Box infe : children(b, at, iinf.end())) {
      if (!infe.type().equals("infe")) {
        continue;
      }
      int p = infe.contentStart();
      int v = b[p] & 0xFF;
      p += 4;
      if (v < 2) {
        continue; // version 0/1 entries carry no item type
      }
      long id = v == 2 ? u16(b, p) : u32(b, p);
      p += v == 2 ? 2 : 4;
      p += 2; // protection index
      String type = new String(b, p, 4, StandardCharsets.ISO_8859_1);
      p += 4;
      if (type.equals("Exif")) {
        scrub.put(id, "Exif");
      } else if (type.equals("mime")) {
        int nameEnd = zero(b, p, infe.end());
        int ctEnd = zero(b, nameEnd + 1, infe.end());
        String contentType = new String(b, nameEnd + 1, Math.max(0, ctEnd - nameEnd - 1), StandardCharsets.UTF_8);
        if (contentType.contains("xmp") || contentType.contains("rdf+xml")) {
          scrub.put(id, "xmp");
        }
      }
    }
  }

  private static void overwrite(byte[] b, Box iloc, Box idat, Map<Long, String> scrub) {
    int p = iloc.contentStart();
    int version = b[p] & 0xFF;
    p += 4;
    int offsetSize = (b[p] & 0xF0) >> 4;
    int lengthSize = b[p] & 0x0F;
    int baseOffsetSize = (b[p + 1] & 0xF0) >> 4;
    int indexSize = version == 1 || version == 2 ? b[p + 1] & 0x0F : 0;
    p += 2;
    long count = version < 2 ? u16(b, p) : u32(b, p);
    p += version < 2 ? 2 : 4;
    Set<Long> done = new HashSet<>();
    for (long item = 0; item < count; item++) {
      long id = version < 2 ? u16(b, p) : u32(b, p);
      p += version < 2 ? 2 : 4;
      int method = 0;
      if (version == 1 || version == 2) {
        method = (int) (u16(b, p) & 0x0F);
        p += 2;
      }
      p += 2; // data reference index
      long base = uN(b, p, baseOffsetSize);
      p += baseOffsetSize;
      int extents = (int) u16(b, p);
      p += 2;
      for (int e = 0; e < extents; e++) {
        p += indexSize;
        long off = uN(b, p, offsetSize);
        p += offsetSize;
        long len = uN(b, p, lengthSize);
        p += lengthSize;
        if (p > iloc.end()) {
          throw new Damaged("HEIC: item locations run past their box");
        }
        String what = scrub.get(id);
        if (what == null || method == 2) {
          continue;
        }
        long start;
        long limit;
        if (method == 0) {
          start = base + off;
          limit = b.length;
        } else {
          if (idat == null) {
            throw new Damaged("HEIC: item data box missing");
          }
          start = idat.contentStart() + base + off;
          limit = idat.end();
        }
        long end = len == 0 ? limit : start + len;
        if (start < 0 || end > limit || start > end) {
          throw new Damaged("HEIC: item outside the file");
        }
        java.util.Arrays.fill(b, (int) start, (int) end, (byte) 0);
        if (what.equals("Exif") && done.add(id) && end - start >= 18) {
          // exif_tiff_header_offset = 0, then an empty big-endian TIFF: "MM", 42, IFD at 8, no entries.
          byte[] empty = {0, 0, 0, 0, 'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0};
          System.arraycopy(empty, 0, b, (int) start, empty.length);
        }
      }
    }
  }

  private static int zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return to;
  }

  private static long u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static long u32(byte[] b, int at) {
    return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  private static long uN(byte[] b, int at, int size) {
    return switch (size) {
      case 0 -> 0;
      case 4 -> u32(b, at);
      case 8 -> (u32(b, at) << 32) | u32(b, at + 4);
      default -> throw new Damaged("HEIC: field size " + size);
    };
  }
}
