package cn.warmth.disbursement;

import cn.warmth.shared.BusinessException;
import cn.warmth.shared.FieldProblem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Reads the text of an uploaded bank file whatever Chinese Windows saved it as: a strict UTF-8
 * decode first (with or without a byte-order mark), then GB18030 (the superset of GBK, what Excel
 * writes for "CSV (逗号分隔)"). Anything else is refused (422 {@code BAD_ENCODING}) with a
 * message that says what is wrong and where, and nothing is read from it.
 */
final class TextDecoding {
  static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoding() {}

  /** The decoded text and the encoding it was read in. */
  record Decoded(String text, String encoding) {}

  static Decoded decode(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw refused("error.BAD_ENCODING_UTF16");
    }
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      throw refused("error.BAD_ENCODING_XLSX");
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      throw refused("error.BAD_ENCODING_BINARY", lineOf(bytes, nul));
    }
    boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    int start = bom ? 3 : 0;
    Failure utf8 = tryDecode(bytes, start, StandardCharsets.UTF_8);
    if (utf8.text != null) {
      return new Decoded(utf8.text, bom ? "UTF-8 (BOM)" : "UTF-8");
    }
    if (!bom) {
      Failure gb = tryDecode(bytes, 0, GB18030);
      if (gb.text != null) {
        return new Decoded(gb.text, "GB18030");
      }
      throw refused("error.BAD_ENCODING", lineOf(bytes, utf8.offset), hex(bytes, utf8.offset), lineOf(bytes, gb.offset),
          hex(bytes, gb.offset));
    }
    throw refused("error.BAD_ENCODING_AFTER_BOM", lineOf(bytes, utf8.offset), hex(bytes, utf8.offset));
  }

  private record Failure(String text, int offset) {}

  private static Failure tryDecode(byte[] bytes, int start, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) ((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 4);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      return new Failure(null, in.position());
    }
    out.flip();
    return new Failure(out.toString(), -1);
  }

  private static BusinessException refused(String messageKey, Object... args) {
    return new BusinessException(HttpStatus.UNPROCESSABLE_ENTITY, "BAD_ENCODING", messageKey, args,
        List.of(new FieldProblem(null, "file", "BAD_ENCODING", messageKey, args)));
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** 1-based line of a byte offset. */
  static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, bytes.length); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String hex(byte[] bytes, int offset) {
    return offset >= 0 && offset < bytes.length ? String.format("0x%02X", bytes[offset] & 0xFF) : "EOF";
  }

  /** For callers that want to know whether a text can be written in a charset (GBK bank files). */
  static boolean encodable(Charset charset, String text) {
    try {
      charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
