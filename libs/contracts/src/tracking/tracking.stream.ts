import { defineStream } from '../contract';

/** What tracking concluded about cases (deadline alerts): no personal data, by agency. */
export const TRACKING_STREAM = defineStream({
  name: 'TRACKING',
  space: 'tracking',
  description: "tracking's conclusions about cases (deadline alerts), routed by agency",
});
