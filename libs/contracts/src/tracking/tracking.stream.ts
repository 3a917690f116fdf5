import { defineStream } from '../contract';

/**
 * What tracking itself concluded about cases (a deadline at risk or passed): ids only, no personal
 * data, so it is kept without age limit like the agencies' events.
 */
export const TRACKING_STREAM = defineStream({
  name: 'TRACKING',
  space: 'tracking',
  description: "tracking's alerts on cases' deadlines, routed by owning agency",
});
