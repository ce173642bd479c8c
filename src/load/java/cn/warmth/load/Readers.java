package cn.warmth.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who reads in the read scenarios: mostly grassroots officers and finance, some city and province managers. */
final class Readers {
  private Readers() {}

  /** {@code n} users: 60 % unit officers, 16 % unit finance, the rest city managers/finance and the province's. */
  static List<Map<String, Object>> mix(int n) {
    List<String> units = Harness.units();
    List<String> cities = Harness.cities();
    String root = Harness.root();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      int slot = i % 25;
      if (slot < 15) {
        String unit = units.get((i * 7) % units.size());
        out.add(Harness.reader(Harness.user(unit, "officer"), unit));
      } else if (slot < 19) {
        String unit = units.get((i * 11 + 3) % units.size());
        out.add(Harness.reader(Harness.user(unit, "finance"), unit));
      } else if (slot < 23) {
        String city = cities.get(i % cities.size());
        out.add(Harness.reader(Harness.user(city, "manager"), city));
      } else if (slot == 23) {
        String city = cities.get((i + 5) % cities.size());
        out.add(Harness.reader(Harness.user(city, "finance"), city));
      } else {
        out.add(Harness.reader(Harness.user(root, i % 2 == 0 ? "manager" : "finance"), root));
      }
    }
    return out;
  }
}
