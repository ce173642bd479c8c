package cn.warmth.documents;

import java.util.ArrayList;
import java.util.List;

/** An amount in 人民币大写 as finance writes it on a roster: 壹万零伍佰元整, 贰仟伍佰元伍角整, 叁元零伍分. */
final class ChineseAmount {
  private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  private static final String[] PLACES = {"", "拾", "佰", "仟"};
  private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

  private ChineseAmount() {}

  static String of(long fen) {
    if (fen < 0) {
      throw new IllegalArgumentException("negative amount");
    }
    if (fen == 0) {
      return "零元整";
    }
    StringBuilder sb = new StringBuilder();
    long yuan = fen / 100;
    List<Integer> sections = new ArrayList<>();
    for (long y = yuan; y > 0; y /= 10000) {
      sections.add((int) (y % 10000));
    }
    boolean gap = false;
    for (int i = sections.size() - 1; i >= 0; i--) {
      int sec = sections.get(i);
      if (sec == 0) {
        gap = true;
        continue;
      }
      if (sb.length() > 0 && (gap || sec < 1000)) {
        sb.append("零");
      }
      gap = false;
      boolean started = false;
      boolean zero = false;
      for (int p = 3; p >= 0; p--) {
        int d = sec / (int) Math.pow(10, p) % 10;
        if (d == 0) {
          zero = started;
        } else {
          if (zero) {
            sb.append("零");
            zero = false;
          }
          sb.append(DIGITS[d]).append(PLACES[p]);
          started = true;
        }
      }
      sb.append(SECTIONS[i]);
    }
    if (yuan > 0) {
      sb.append("元");
    }
    int jiao = (int) (fen / 10 % 10);
    int f = (int) (fen % 10);
    if (jiao == 0 && f == 0) {
      return sb.append("整").toString();
    }
    if (jiao > 0) {
      sb.append(DIGITS[jiao]).append("角");
    } else if (yuan > 0) {
      sb.append("零");
    }
    if (f > 0) {
      sb.append(DIGITS[f]).append("分");
    } else {
      sb.append("整");
    }
    return sb.toString();
  }
}
