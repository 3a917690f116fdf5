import { defineStream } from '../contract';

/** What each agency did with its cases: kept as long as the read models may need a replay. */
export const AGENCY_STREAM = defineStream({
  name: 'AGENCY',
  space: 'agency',
  description: "agencies' decisions on their cases, routed by agency",
});
