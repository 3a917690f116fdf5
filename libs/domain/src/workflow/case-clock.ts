import {
  type ApplicationStatus,
  isFinalStatus,
  isWaitingOnApplicant,
} from '../application-status/application-status';
import {
  type WorkingDayCalendar,
  workingDayDeadline,
  workingDaysBetween,
} from '../time/working-days';
import { localDateOf, startOfLocalDay } from '../time/zoned-time';

/** A service's time limit as its standard states it (the units of libs/contracts' standard). */
export interface ServiceTimeLimit {
  value: number;
  unit: 'MINUTES' | 'HOURS' | 'WORKING_DAYS' | 'DAYS';
}

/** One status change of a case: a `CaseRecord` is one. */
export interface ClockStep {
  to: ApplicationStatus;
  /** ISO 8601 (any offset) or an instant. */
  at: string | Date;
}

export interface ClockSettings {
  /** The agency's zone: its midnights divide days. */
  timeZone: string;
  calendar: WorkingDayCalendar;
  /** When the clock is read: a paused case's deadline is the one it would have if resumed now. */
  now: Date;
}

export type CaseClock =
  /** The agency has not started verifying: no deadline yet. */
  | { state: 'not_started' }
  | { state: 'running'; deadline: Date }
  /** Waiting on the applicant since `since`; `deadline` moves on while the wait lasts. */
  | { state: 'paused'; since: Date; deadline: Date }
  /** Decided, issued or withdrawn: the deadline that was in force when the case ended. */
  | { state: 'stopped'; deadline: Date };

const MAX_LIMIT = 10_000;
const DAY_MS = 86_400_000;

/**
 * A case's deadline. The clock starts when the case first enters VERIFYING and pauses while it
 * waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT).
 *
 * MINUTES and HOURS count elapsed running time, to the millisecond.
 *
 * WORKING_DAYS and DAYS count whole days in the agency's zone: a day counts when the case was
 * running at the midnight that began it. So, as in `workingDayDeadline`, the day a case arrives
 * does not count, and neither does the day it comes back from the applicant (a resubmission or a
 * payment arrives like a new submission); a pause within one day costs and gains nothing; a day
 * the case waited on the applicant from its start does not count. The deadline is the end of the
 * last counted day. A case that ran out of days before a pause keeps the deadline it missed.
 */
export function caseClock(
  limit: ServiceTimeLimit,
  history: readonly ClockStep[],
  settings: ClockSettings,
): CaseClock {
  if (!Number.isInteger(limit.value) || limit.value < 1 || limit.value > MAX_LIMIT)
    throw new RangeError(`a time limit is 1 to ${MAX_LIMIT} (got ${limit.value})`);
  const { segments, resumeAt, state, since } = runningSegments(history, settings.now);
  if (state === 'not_started') return { state };
  const deadline = deadlineOf(limit, segments, resumeAt, settings);
  return state === 'paused' ? { state, since, deadline } : { state, deadline };
}

interface Segment {
  start: Date;
  end: Date;
}

type Running = {
  /** The closed stretches the case ran, in order. */
  segments: Segment[];
  /** Where counting goes on from: the open stretch's start, or when a paused case would resume. */
  resumeAt: Date;
} & (
  | { state: 'not_started' | 'running' | 'stopped'; since?: undefined }
  | { state: 'paused'; since: Date }
);

function runningSegments(history: readonly ClockStep[], now: Date): Running {
  const segments: Segment[] = [];
  let runningSince: Date | undefined;
  let pausedSince: Date | undefined;
  let started = false;
  let previous = -Infinity;
  for (const step of history) {
    const at = step.at instanceof Date ? step.at : new Date(step.at);
    if (Number.isNaN(at.getTime())) throw new RangeError(`not a time: ${String(step.at)}`);
    if (at.getTime() < previous) throw new RangeError('the history is not in time order');
    previous = at.getTime();
    if (!started) {
      if (step.to !== 'VERIFYING') continue;
      started = true;
    }
    if (isFinalStatus(step.to)) {
      // The deadline in force at the end: the running one, or the one it would have had resumed.
      return { segments, resumeAt: runningSince ?? at, state: 'stopped' };
    }
    if (isWaitingOnApplicant(step.to)) {
      if (runningSince) segments.push({ start: runningSince, end: at });
      runningSince = undefined;
      pausedSince ??= at;
    } else {
      runningSince ??= at;
      pausedSince = undefined;
    }
  }
  if (!started) return { segments, resumeAt: now, state: 'not_started' };
  if (runningSince) return { segments, resumeAt: runningSince, state: 'running' };
  const since = pausedSince as Date;
  return {
    segments,
    resumeAt: new Date(Math.max(now.getTime(), since.getTime())),
    state: 'paused',
    since,
  };
}

/** How one unit counts: what a stretch of running uses, and when `amount` more runs out. */
interface Measure {
  budget: number;
  used(segment: Segment): number;
  runsOut(start: Date, amount: number): Date;
}

function measureOf(limit: ServiceTimeLimit, settings: ClockSettings): Measure {
  const { timeZone, calendar } = settings;
  const elapsed = (unitMs: number): Measure => ({
    budget: limit.value * unitMs,
    used: (s) => s.end.getTime() - s.start.getTime(),
    runsOut: (start, amount) => new Date(start.getTime() + amount),
  });
  // The days a stretch counts: after the day it began, up to the day of its last instant.
  const days = (s: Segment) => ({
    first: localDateOf(s.start, timeZone),
    last: localDateOf(new Date(s.end.getTime() - 1), timeZone),
  });
  switch (limit.unit) {
    case 'MINUTES':
      return elapsed(60_000);
    case 'HOURS':
      return elapsed(3_600_000);
    case 'WORKING_DAYS':
      return {
        budget: limit.value,
        used: (s) => {
          const { first, last } = days(s);
          return workingDaysBetween(first, last, calendar);
        },
        runsOut: (start, amount) => workingDayDeadline(start, amount, timeZone, calendar),
      };
    case 'DAYS':
      return {
        budget: limit.value,
        used: (s) => {
          const { first, last } = days(s);
          return Math.max(0, (Date.parse(last) - Date.parse(first)) / DAY_MS);
        },
        runsOut: (start, amount) => {
          const first = Date.parse(localDateOf(start, timeZone));
          const dayAfterLast = new Date(first + (amount + 1) * DAY_MS).toISOString().slice(0, 10);
          return startOfLocalDay(dayAfterLast, timeZone);
        },
      };
  }
}

function deadlineOf(
  limit: ServiceTimeLimit,
  segments: readonly Segment[],
  resumeAt: Date,
  settings: ClockSettings,
): Date {
  const measure = measureOf(limit, settings);
  let used = 0;
  for (const segment of segments) {
    const more = measure.used(segment);
    // Within one stretch the unit counts as it would from the stretch's start, so the moment the
    // budget ran out there is where it runs out counted from that start.
    if (used + more >= measure.budget) return measure.runsOut(segment.start, measure.budget - used);
    used += more;
  }
  return measure.runsOut(resumeAt, measure.budget - used);
}
