package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Rules that hold across paragraphs. The law file sets them; a municipality's file may add to
 * them where the law allows.
 *
 * @param adultAge                 ELIG-ADULT
 * @param statePensionAge          state pension age by birth date (SEL103-TARGET, SEL97-TARGET)
 * @param vumThemes                VUM-THEMES, each mapped to its FFB term
 * @param actionPlanOfferFromLevel ACTION-PLAN: a VUM level from which functioning counts as substantially reduced
 * @param complaintWindow          COMPLAINT-WINDOW
 * @param reconsideration          COMPLAINT-RECONSIDER
 * @param exclusions               EXCL-*: services that exclude each other
 * @param openOffers               SEL85-TARGET: open offers a rejection refers to
 * @param noticeReconsideration    NOTICE-3A-COMPLAINT: the municipality's reconsideration of a complaint about a notice decision
 * @param appealDecisionExpected   APPEAL-OUTCOME: when Ankestyrelsen's decision is expected after escalation
 * @param paperPostReceivedAfterHverdage RECEIPT: a paper letter counts as received this many hverdage after it was sent
 * @param hearingAnswer            HEARING: the usual time given to answer a hearing, counted from receipt
 * @param hearingMinimum           HEARING: the least time a hearing may give, counted from receipt
 * @param reductionNotice          RECEIPT: the reasonable notice before a reduction or ending outside § 3 a takes
 *                                 effect, counted from the citizen's receipt (DEADLINE-COUNT)
 * @param dstReportDueDay          DST-REPORT: the month's report is due by this day of the following month
 * @param dstReportedParagraphs    DST-REPORT: the paragraphs whose grants Danmarks Statistik counts
 * @param assumptions              values of this section that no source gives, each with its reason
 * @param caseRetention            NO-DELETE-WITHOUT-ARCHIVE: how long a closed case stays under its retention rule
 *                                 (counted from its closing); while open or retained, erasing the citizen's personal
 *                                 data needs the archive authority's permission. Unset: always retained.
 */
public record General(
        Integer adultAge,
        List<PensionAge> statePensionAge,
        List<Theme> vumThemes,
        Integer actionPlanOfferFromLevel,
        Period complaintWindow,
        Period reconsideration,
        List<Exclusion> exclusions,
        List<String> openOffers,
        Period noticeReconsideration,
        Period appealDecisionExpected,
        Integer paperPostReceivedAfterHverdage,
        Period hearingAnswer,
        Period reductionNotice,
        Period hearingMinimum,
        Integer dstReportDueDay,
        List<Paragraph> dstReportedParagraphs,
        List<ParagraphRules.Assumption> assumptions,
        Period caseRetention) {

    public record Theme(String code, String danish, String ffb) {
    }

    /** Citizens born from {@code bornFrom} to {@code bornTo} (inclusive) reach pension at the given age. */
    public record PensionAge(LocalDate bornFrom, LocalDate bornTo, int years, int months) {
    }

    /** A citizen holding {@code holding} cannot also get {@code excludes}. */
    public record Exclusion(RuleId rule, List<Paragraph> holding, Paragraph excludes, String reason) {
    }

    /** The state pension age of a citizen born on {@code birthDate}. */
    public Period statePensionAge(LocalDate birthDate) {
        return statePensionAge.stream()
                .filter(p -> !birthDate.isBefore(p.bornFrom()) && !birthDate.isAfter(p.bornTo()))
                .findFirst()
                .map(p -> Period.of(p.years(), p.months(), 0))
                .orElseThrow(() -> new IllegalStateException("no state pension age for birth date " + birthDate));
    }
}
