import { defineStream } from '../contract';

/**
 * The mall's working-day calendar, one current message per year (its subject's routing token is
 * the year): a stream of current values, not of history, kept without age limit. A service that
 * starts years later still receives every year's current days off, and nothing superseded.
 */
export const CALENDAR_STREAM = defineStream({
  name: 'CALENDAR',
  space: 'calendar',
  description: "the mall's days off per year (reference data, no personal data): latest per year",
  latestPerSubject: true,
});
