package cn.warmth.disbursement;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bank profiles: anyone signed in reads them (to choose one); the root's administrator writes them. */
@RestController
@RequestMapping("/api/v1/bank-profiles")
class BankProfileApiController {
  private final BankProfiles profiles;

  BankProfileApiController(BankProfiles profiles) {
    this.profiles = profiles;
  }

  @GetMapping
  List<BankProfileView> list() {
    return profiles.list();
  }

  @GetMapping("/{code}")
  BankProfileView get(@PathVariable String code) {
    return profiles.get(code);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  BankProfileView create(@RequestBody BankProfiles.ProfileInput in) {
    return profiles.create(in);
  }

  @PutMapping("/{code}")
  BankProfileView update(@PathVariable String code, @RequestBody BankProfiles.ProfileInput in) {
    return profiles.update(code, in);
  }
}
