/**
 * One deadline abstraction for every aggregate. A {@link dk.grantlifecycle.domain.deadline.Deadline}
 * is a value the opening event records (id derived from what it is about, kind, rule, last day and
 * who must act by it); the {@link dk.grantlifecycle.domain.deadline.Deadlines} member schedules it
 * for when it is reached (the municipality's deadlines at the start of their day, the citizen's and
 * third parties' at the start of the day after their last day: DEADLINE-COUNT), tells a deadline
 * handler which deadline a scheduled message names, and cancels it by its id when it is met or
 * closed. The {@link dk.grantlifecycle.domain.deadline.DeadlineEvents} facets let the member and the
 * deadline queue follow any aggregate's deadlines.
 */
package dk.grantlifecycle.domain.deadline;
