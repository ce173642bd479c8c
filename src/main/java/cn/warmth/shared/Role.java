package cn.warmth.shared;

/** The four roles of domain.md §1. A user may hold several. */
public enum Role {
  OFFICER, FINANCE, MANAGER, ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }
}
