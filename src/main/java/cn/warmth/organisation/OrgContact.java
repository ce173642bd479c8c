package cn.warmth.organisation;

/**
 * An organisation's contact person and phone: who fills in and answers for its 统计表 (填报人,
 * 电话) and whom to tell about a 公示. Either may be null until an ADMIN sets them.
 */
public record OrgContact(String name, String phone) {
  public static final OrgContact NONE = new OrgContact(null, null);

  public boolean isSet() {
    return name != null || phone != null;
  }
}
