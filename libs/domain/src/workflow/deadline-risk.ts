import { isWorkingDay, workingDaysBetween, type WorkingDayCalendar } from '../time/working-days';
import { localDateOf, startOfLocalDay } from '../time/zoned-time';

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

/**
 * The working days a case is allowed: those after the day its clock started up to the last day
 * its first deadline counts (a deadline is the local midnight that ends its last day).
 */
export function workingDayBudget(
  startedAt: Date,
  deadline: Date,
  timeZone: string,
  calendar: WorkingDayCalendar,
): number {
  const lastDay = localDateOf(new Date(deadline.getTime() - 1), timeZone);
  return workingDaysBetween(localDateOf(startedAt, timeZone), lastDay, calendar);
}

/**
 * When a running case becomes at risk: once `share` of its `budget` working days are used, that
 * is at the start (local midnight) of the working day from which only `budget − ⌈share·budget⌉`
 * working days remain before `deadline`, counting that day. A deadline that moved (a revision
 * paused the clock) moves this with it, since it is counted back from the deadline. With no day
 * left to warn on (a one-day budget at a share above 0) it is the deadline itself.
 */
export function atRiskFrom(
  deadline: Date,
  budget: number,
  share: number,
  timeZone: string,
  calendar: WorkingDayCalendar,
): Date {
  if (!(share > 0 && share < 1))
    throw new RangeError(`an at-risk share is between 0 and 1 (got ${share})`);
  const remaining = budget - Math.ceil(share * budget - 1e-9);
  if (remaining <= 0) return deadline;
  let day = Date.parse(`${localDateOf(new Date(deadline.getTime() - 1), timeZone)}T00:00:00Z`);
  for (let counted = 0, steps = 0; ; day -= DAY_MS) {
    if (steps++ > MAX_DAYS) throw new RangeError('too long a span to count back');
    const date = new Date(day).toISOString().slice(0, 10);
    if (isWorkingDay(date, calendar) && ++counted === remaining)
      return startOfLocalDay(date, timeZone);
  }
}
