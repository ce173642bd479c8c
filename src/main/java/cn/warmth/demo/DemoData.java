package cn.warmth.demo;

import cn.warmth.campaign.Campaigns;
import cn.warmth.organisation.OrgType;
import cn.warmth.organisation.Organisations;
import cn.warmth.organisation.Users;
import cn.warmth.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: a realistic Shaanxi tree, one user per role at several levels and a
 * campaign running around today. Loaded once, on a database that has only the bootstrap data.
 * Every demo user's password is {@value #PASSWORD}.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {
  static final String PASSWORD = "warmth123";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Organisations organisations;
  private final Users users;
  private final Campaigns campaigns;
  private final Clock clock;

  DemoData(Organisations organisations, Users users, Campaigns campaigns, Clock clock) {
    this.organisations = organisations;
    this.users = users;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (organisations.find("SX-XA").isPresent()) {
      return;
    }
    // Services check roles: act as the bootstrap administrator while loading.
    var admin = users.principal("admin").orElseThrow();
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
    try {
      load();
    } finally {
      SecurityContextHolder.clearContext();
    }
    log.info("Demo data loaded: password for every demo user is '{}'", PASSWORD);
  }

  private void load() {
    String[][] cities = {
        {"SX-XA", "西安市教育工会"}, {"SX-BJ", "宝鸡市教育工会"}, {"SX-XY", "咸阳市教育工会"},
        {"SX-TC", "铜川市教育工会"}, {"SX-WN", "渭南市教育工会"}, {"SX-YA", "延安市教育工会"},
        {"SX-YL", "榆林市教育工会"}, {"SX-HZ", "汉中市教育工会"}, {"SX-AK", "安康市教育工会"},
        {"SX-SL", "商洛市教育工会"}, {"SX-YLQ", "杨凌示范区教育工会"}};
    for (String[] c : cities) {
      org(c[0], c[1], OrgType.CITY, "SX");
    }
    org("SX-XA-TSZ", "西安市铁一中学工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-XA-GXZ", "西安高新第一中学工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-XA-ZXYY", "西安市中心医院工会", OrgType.GRASSROOTS, "SX-XA");
    org("SX-BJ-YZ", "宝鸡中学工会", OrgType.GRASSROOTS, "SX-BJ");
    org("SX-BJ-RMYY", "宝鸡市人民医院工会", OrgType.GRASSROOTS, "SX-BJ");
    org("SX-SFDX", "陕西师范大学工会", OrgType.GRASSROOTS, "SX");
    org("SX-SRMYY", "陕西省人民医院工会", OrgType.GRASSROOTS, "SX");

    user("sx.manager", "王振华", "SX", Role.MANAGER);
    user("sx.finance", "李秀英", "SX", Role.FINANCE);
    user("xa.admin", "赵建国", "SX-XA", Role.ADMIN);
    user("xa.manager", "陈思远", "SX-XA", Role.MANAGER);
    user("xa.finance", "刘芳", "SX-XA", Role.FINANCE);
    user("xa.officer", "杨帆", "SX-XA", Role.OFFICER);
    user("tsz.officer", "周敏", "SX-XA-TSZ", Role.OFFICER);
    user("tsz.finance", "吴桂兰", "SX-XA-TSZ", Role.FINANCE);
    user("tsz.manager", "孙立新", "SX-XA-TSZ", Role.MANAGER);
    user("bj.manager", "郑宏伟", "SX-BJ", Role.MANAGER);
    user("bj.finance", "冯雪", "SX-BJ", Role.FINANCE);
    user("bjyz.officer", "何静", "SX-BJ-YZ", Role.OFFICER);
    user("sfdx.officer", "马丽娜", "SX-SFDX", Role.OFFICER);
    user("sfdx.manager", "古丽·艾买提", "SX-SFDX", Role.MANAGER, Role.FINANCE);

    LocalDate today = LocalDate.now(clock);
    campaigns.createUnchecked(new Campaigns.CreateCampaign("2024-YDCJ", "2024年元旦春节送温暖",
        today.minusDays(20), today.plusDays(40), today.plusDays(55)));
    campaigns.createUnchecked(new Campaigns.CreateCampaign("2023-GQ", "2023年国庆送温暖",
        today.minusDays(120), today.minusDays(90), today.minusDays(80)));
  }

  private void org(String code, String name, OrgType type, String parent) {
    organisations.create(new Organisations.CreateOrg(code, name, type, parent));
  }

  private void user(String username, String name, String org, Role... roles) {
    Set<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(java.util.List.of(roles));
    users.createUnchecked(new Users.CreateUser(username, PASSWORD, name, org, set));
  }
}
