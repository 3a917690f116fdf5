import { defineStream } from '../contract';

/** What identity decided about agencies and accounts, without personal data: kept for replay. */
export const IDENTITY_STREAM = defineStream({
  name: 'IDENTITY',
  space: 'identity',
  description: 'agencies and other identity records without personal data',
});
