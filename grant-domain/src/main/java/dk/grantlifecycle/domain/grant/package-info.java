/**
 * One service line of a case from its decision on, granted or rejected; every later decision on
 * the line (scope change, ending) keeps its id, so that any decision can be complained about. The
 * line's decisions and complaints are entities of the grant; its complaint windows, notice periods,
 * reconsideration and appeal deadlines run through its deadline member.
 * <p>
 * Rules: ACTION-PLAN, NO-FAMILY-PROVIDER, NO-FREE-CHOICE, END-REASONS, EXCL-99-SUPPLEMENT,
 * SEL99-NO-VISITATION, SEL97-15H, SEL97-SAVE-90H, SEL97-DEDUCT, SEL98-HOURS, SEL85-HOLIDAY-7D,
 * OWN-PAYMENT, SEL103-WAGE, PLACE-SIZE, SEL85-GOALS, GROUP-FIRST, TEMPORARY-FIRST, LEAST-INTRUSIVE,
 * COMPLAINT-WINDOW, COMPLAINT-ANY-FORM, COMPLAINT-RECONSIDER, COMPLAINT-NOT-APPEALABLE, BPA-COMPLAINT-2W,
 * BPA-SUSPENSIVE, APPEAL-OUTCOME, COMPLAINT-NO-SUSPENSION, NOTICE-3A-14W, NOTICE-3A-COMPLAINT,
 * SHELTER-NOTIFY, HEARING, DECISION-CONTENT, RECEIPT.
 */
package dk.grantlifecycle.domain.grant;
