package cn.warmth.cases;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside the closing transaction: what the statistics need of a closed case, with the
 * worker's NEW_FORM and disabled flags as they were at closing.
 */
public record CaseClosed(String caseNumber, String campaignCode, String orgCode, String orgPath, AidCategory category,
    FundSource fundSource, long amountFen, long goodsFen, Set<Assistance> assistance, boolean newForm, boolean disabled,
    LocalDate closedOn) {}
