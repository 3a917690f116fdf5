import {
  DEFAULT_RETRY_POLICY,
  isDelivered,
  nextStep,
  worthLogging,
  type AttemptResult,
} from './delivery-policy';

const answered = (status: number, acknowledged?: boolean): AttemptResult => ({
  kind: 'answered',
  status,
  durationMs: 5,
  ...(acknowledged !== undefined ? { acknowledged } : {}),
});
const refused: AttemptResult = { kind: 'failed', error: 'ECONNREFUSED', durationMs: 1 };
const HOUR = 3_600_000;

describe('what comes after an attempt', () => {
  it('is delivered by any 2xx answer, and by nothing else', () => {
    for (const status of [200, 201, 202, 204, 299])
      expect(isDelivered(answered(status))).toBe(true);
    for (const status of [100, 199, 301, 302, 304, 400, 404, 410, 429, 500, 503]) {
      expect(isDelivered(answered(status))).toBe(false);
    }
    expect(isDelivered(refused)).toBe(false);
  });

  it("is not delivered by a 2xx whose body the protocol read as a refusal (OSS's error kode)", () => {
    expect(isDelivered(answered(200, true))).toBe(true);
    expect(isDelivered(answered(200, false))).toBe(false);
    expect(isDelivered(answered(500, true))).toBe(false);
    expect(nextStep(answered(200, false), 1, 0, DEFAULT_RETRY_POLICY).kind).toBe('retry');
  });

  it('retries a failure with exponential backoff and full jitter, capped per attempt', () => {
    const policy = { backoff: { baseMs: 1000, maxMs: 60_000 }, windowMs: HOUR };
    const ceiling = (attempt: number) =>
      nextStep(answered(500), attempt, 0, policy, () => 0.999999) as { inMs: number };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => ceiling(attempt).inMs)).toEqual([
      999, 1999, 3999, 7999, 15999, 31999, 59999, 59999,
    ]);
    expect(nextStep(refused, 3, 0, policy, () => 0)).toEqual({ kind: 'retry', inMs: 0 });
    expect(nextStep(refused, 3, 0, policy, () => 0.5)).toEqual({ kind: 'retry', inMs: 2000 });
  });

  it('keeps retrying until the window has passed since the first attempt, then is dead', () => {
    const policy = { backoff: { baseMs: 1000, maxMs: 60_000 }, windowMs: HOUR };
    expect(nextStep(refused, 40, HOUR - 1, policy).kind).toBe('retry');
    expect(nextStep(refused, 40, HOUR, policy)).toEqual({ kind: 'dead' });
    expect(nextStep(answered(503), 2, HOUR + 1, policy)).toEqual({ kind: 'dead' });
    // A success is a success, however late.
    expect(nextStep(answered(200), 90, 10 * HOUR, policy)).toEqual({ kind: 'delivered' });
  });

  it('by default retries for at least 24 hours, at most an hour apart', () => {
    expect(DEFAULT_RETRY_POLICY.windowMs).toBeGreaterThanOrEqual(24 * HOUR);
    expect(DEFAULT_RETRY_POLICY.backoff.maxMs).toBeLessThanOrEqual(HOUR);
    expect(nextStep(refused, 1, 23.9 * HOUR, DEFAULT_RETRY_POLICY).kind).toBe('retry');
    // Even the worst draws: the schedule's ceilings add up past the window in finitely many
    // attempts, so the delivery does not stop early and does not go on forever.
    let elapsed = 0;
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const next = nextStep(refused, attempt, elapsed, DEFAULT_RETRY_POLICY, () => 0.999999);
      if (next.kind !== 'retry') break;
      elapsed += next.inMs;
    }
    expect(elapsed).toBeGreaterThanOrEqual(24 * HOUR);
    expect(attempt).toBeLessThan(40);
  });

  it('logs a failing delivery at its first attempt and then at every power of two', () => {
    expect([1, 2, 3, 4, 5, 8, 12, 16, 32].map(worthLogging)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
  });
});
