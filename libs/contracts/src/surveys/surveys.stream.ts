import { defineStream } from '../contract';

/**
 * What the surveys service concluded (a complaint's missed deadline): ids only, no personal data
 * (a complaint's text and its reporter's contact stay in the surveys database), so it is kept
 * without age limit like the agencies' events.
 */
export const SURVEYS_STREAM = defineStream({
  name: 'SURVEYS',
  space: 'surveys',
  description: "surveys' complaint escalations, routed by owning agency",
});
