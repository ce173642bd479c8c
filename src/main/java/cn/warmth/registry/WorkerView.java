package cn.warmth.registry;

import java.time.LocalDate;
import java.util.List;

/** A worker as every page and API answer shows it: masked numbers only. */
public record WorkerView(long id, String name, String idNumberMasked, String gender, LocalDate birthDate,
    String orgCode, String phone, EmploymentType employmentType, boolean disabled, String disabilityCertNoMasked,
    String bankName, String bankCardMasked, boolean hasBankCard, List<String> warnings) {

  static WorkerView of(Worker w) {
    List<String> warnings = Boolean.FALSE.equals(w.getBankCardLuhnOk()) ? List.of("BANK_CARD_CHECKSUM") : List.of();
    return new WorkerView(w.getId(), w.getName(), w.getIdNumberMasked(), w.getGender().name(), w.getBirthDate(),
        w.getOrgCode(), w.getPhone(), w.getEmploymentType(), w.isDisabled(), w.getDisabilityCertMasked(), w.getBankName(),
        w.getBankCardMasked(), w.getBankCardEnc() != null, warnings);
  }
}
