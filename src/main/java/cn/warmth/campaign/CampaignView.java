package cn.warmth.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;

/**
 * A campaign as the API and other modules see it. {@code orgCode} is the organisation that owns
 * it: the campaign reaches that organisation's subtree (cases, funds, activities and reports of
 * units in it) and is visible to the owner's ancestors, which oversee it.
 */
public record CampaignView(String code, String name, LocalDate startDate, LocalDate endDate, LocalDate reportDeadline,
    String orgCode, @JsonIgnore String orgPath) {
  /** Cases may be opened only while the campaign runs: start ≤ today ≤ end. */
  public boolean runsOn(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }

  /** True when a unit with the given path is the owner or below it: the campaign may be used there. */
  public boolean reaches(String unitPath) {
    return unitPath != null && unitPath.startsWith(orgPath);
  }

  /** The window for dates recorded under the campaign (visits, hand-overs, funds, activities): ± 1 year. */
  @JsonIgnore
  public LocalDate earliestRecordDate() {
    return startDate.minusYears(1);
  }

  @JsonIgnore
  public LocalDate latestRecordDate() {
    return endDate.plusYears(1);
  }
}
