package cn.warmth.registry;

/** How sensitive numbers and names are shown everywhere except the audited reveal. */
public final class Masks {
  private Masks() {}

  /** ID number: first 3 and last 4 characters, the rest `*`. */
  public static String id(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
  }

  /**
   * Disability certificate (残疾人证号: the 18-character ID number, then category and grade):
   * shown like the ID number, first 3 and last 4 characters.
   */
  public static String certificate(String cert) {
    return id(cert);
  }

  /** Bank card: last 4 digits, the rest `*`. */
  public static String card(String card) {
    if (card == null || card.length() < 5) {
      return "****";
    }
    return "*".repeat(card.length() - 4) + card.substring(card.length() - 4);
  }

  /** Name for public lists: 张*国, 李*, 古**·**提; Latin names keep the first letter of each word. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    int[] cps = name.codePoints().toArray();
    if (cps.length == 1) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cps.length; i++) {
      boolean keep = i == 0 || (i == cps.length - 1 && cps.length > 2) || cps[i] == '·' || cps[i] == ' ';
      b.appendCodePoint(keep ? cps[i] : '*');
    }
    return b.toString();
  }
}
