package cn.warmth.organisation;

/** Levels of the union tree (domain.md §2). */
public enum OrgType {
  PROVINCE, CITY, GRASSROOTS;

  /** Which parent types a unit of this type may hang under. */
  boolean mayHangUnder(OrgType parent) {
    return switch (this) {
      case PROVINCE -> false;
      case CITY -> parent == PROVINCE;
      case GRASSROOTS -> parent == PROVINCE || parent == CITY;
    };
  }
}
