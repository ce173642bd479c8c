package cn.warmth.words;

import cn.warmth.campaign.CampaignView;
import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Names for codes on pages, remembered for the request: a list of 50 rows from three units asks
 * the database three times, or once after {@link #units(Collection)} — which every list template
 * calls on its {@code tbody} for the codes of its rows. A code nobody knows is
 * shown as it is (never an empty cell). Names are looked up regardless of the caller: a page only
 * asks for the codes on records the caller may already see.
 */
@Component("words")
@RequestScope
public class Words {
  private final Organisations organisations;
  private final Users users;
  private final Campaigns campaigns;
  private final Map<String, String> unitNames = new HashMap<>();
  private final Map<String, String> userNames = new HashMap<>();
  private final Map<String, String> campaignNames = new HashMap<>();

  Words(Organisations organisations, Users users, Campaigns campaigns) {
    this.organisations = organisations;
    this.users = users;
    this.campaigns = campaigns;
  }

  /** The unit's name for its code (SX-XA-TSZ → 西安市铁一中学工会). */
  public String unit(String code) {
    if (code == null) {
      return "";
    }
    if (!unitNames.containsKey(code)) {
      units(List.of(code));
    }
    return unitNames.get(code);
  }

  /** The person's display name for a login (tsz.officer → 周敏); "system" and unknown logins stay as they are. */
  public String user(String login) {
    if (login == null) {
      return "";
    }
    if (!userNames.containsKey(login)) {
      users(List.of(login));
    }
    return userNames.get(login);
  }

  /** The campaign's name for its code (2024-YDCJ → 2024年元旦春节送温暖). */
  public String campaign(String code) {
    if (code == null) {
      return "";
    }
    return campaignNames.computeIfAbsent(code, c -> campaigns.find(c).map(CampaignView::name).orElse(c));
  }

  /** Looks up many unit names in one query (a list page calls it once before its rows); returns "". */
  public String units(Collection<String> codes) {
    List<String> missing = codes.stream().filter(Objects::nonNull).filter(c -> !unitNames.containsKey(c)).distinct()
        .toList();
    if (!missing.isEmpty()) {
      Map<String, String> found = organisations.namesOf(missing);
      missing.forEach(c -> unitNames.put(c, found.getOrDefault(c, c)));
    }
    return "";
  }

  /** Looks up many display names in one query; returns "". */
  public String users(Collection<String> logins) {
    List<String> missing = logins.stream().filter(Objects::nonNull).filter(l -> !userNames.containsKey(l)).distinct()
        .toList();
    if (!missing.isEmpty()) {
      userNames.putAll(users.displayNames(missing));
    }
    return "";
  }
}
