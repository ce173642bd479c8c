package cn.warmth.campaign;

import java.time.LocalDate;

public record CampaignView(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline) {
  /** Cases may be opened only while the campaign runs: start ≤ today ≤ end. */
  public boolean runsOn(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }
}
