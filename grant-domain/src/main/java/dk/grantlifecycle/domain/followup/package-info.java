/**
 * A grant's follow-up plan: the deadlines its decided cadences produce, fired by the persistent
 * deadline manager as {@code ReassessmentDue} or {@code FollowUpDue}, restarted from the
 * completion date, cancelled with a reason when the grant ends.
 * <p>
 * Rules: SEL85-REASSESS-12W, SEL85-FOLLOWUP-6M, SEL85A-FOLLOWUP, SEL96-FOLLOWUP, SEL98-FOLLOWUP,
 * SEL103-FOLLOWUP, SEL104-FOLLOWUP, SEL104-AGE67, SEL104-REPEATED-CANCEL, SEL107-FOLLOWUP,
 * SEL108-FOLLOWUP, SEL109-FOLLOWUP, SEL110-FOLLOWUP, SEL80-FOLLOWUP, SEL101-STATUS.
 */
package dk.grantlifecycle.domain.followup;
