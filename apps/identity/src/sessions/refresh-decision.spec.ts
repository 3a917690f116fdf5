import { refreshDecision } from './refresh-decision';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-31T00:00:00Z');
const earlier = new Date('2025-12-31T00:00:00Z');

describe('refreshDecision', () => {
  it('rotates a token that is unused, unrevoked and unexpired', () => {
    expect(refreshDecision({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toBe(
      'rotate',
    );
  });

  it('treats a used token presented again as reuse (the family is then revoked)', () => {
    expect(refreshDecision({ expiresAt: later, usedAt: earlier, revokedAt: null }, now)).toBe(
      'reuse',
    );
  });

  it('treats a used token as reuse even after it has expired', () => {
    expect(refreshDecision({ expiresAt: earlier, usedAt: earlier, revokedAt: null }, now)).toBe(
      'reuse',
    );
  });

  it('refuses an unknown, a revoked and an expired token', () => {
    expect(refreshDecision(undefined, now)).toBe('refuse');
    expect(refreshDecision({ expiresAt: later, usedAt: earlier, revokedAt: earlier }, now)).toBe(
      'refuse',
    );
    expect(refreshDecision({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toBe('refuse');
  });
});
