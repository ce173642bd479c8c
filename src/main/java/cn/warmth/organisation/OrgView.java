package cn.warmth.organisation;

import java.util.Arrays;
import java.util.List;

/** An organisation as other modules see it. */
public record OrgView(String code, String name, OrgType type, String parentCode, String path) {

  /** Codes from the root down to this organisation. */
  public List<String> ancestorAndSelfCodes() {
    return Arrays.asList(path.substring(1, path.length() - 1).split("/"));
  }

  public int depth() {
    return ancestorAndSelfCodes().size() - 1;
  }
}
