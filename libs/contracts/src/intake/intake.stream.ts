import { defineStream } from '../contract';

/** What intake decided about applications: kept as long as the read models may need a replay. */
export const INTAKE_STREAM = defineStream({
  name: 'INTAKE',
  space: 'intake',
  description: 'applications accepted by intake, routed by owning agency',
});
