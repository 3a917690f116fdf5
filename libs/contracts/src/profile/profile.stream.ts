import { defineStream } from '../contract';

/** How long a profile stays in JetStream unless identity publishes it again. */
export const PROFILE_MAX_AGE_SECONDS = 14 * 24 * 3600;

/**
 * The once-only profile sync, the one stream with personal data (PRODUCT.md): the latest profile
 * of each applicant and business only (one message per subject), each gone after 14 days unless
 * identity publishes it again (it does, well within that). A deployment that starts later finds
 * the current profile of everyone there, and no history.
 */
export const PROFILE_STREAM = defineStream({
  name: 'PROFILE',
  space: 'profile',
  description:
    'current applicant and business profiles (personal data): latest per subject, expiring',
  personalData: true,
  maxAgeSeconds: PROFILE_MAX_AGE_SECONDS,
  latestPerSubject: true,
});
