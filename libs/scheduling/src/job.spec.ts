import { defineJob } from './job';

describe('defineJob', () => {
  const backoff = { baseMs: 1000, maxMs: 60_000 };

  it('keeps what defines the job', () => {
    expect(defineJob<{ id: string }>({ kind: 'webhook.deliver', maxAttempts: 8, backoff })).toEqual(
      { kind: 'webhook.deliver', maxAttempts: 8, backoff },
    );
  });

  it('refuses a kind that is not dotted lower-case words', () => {
    for (const kind of ['', 'Webhook', 'webhook deliver', 'webhook..deliver', '.x', 'x.']) {
      expect(() => defineJob({ kind, maxAttempts: 1, backoff })).toThrow(/kind/);
    }
  });

  it('refuses fewer than one attempt, or a fractional number', () => {
    expect(() => defineJob({ kind: 'a', maxAttempts: 0, backoff })).toThrow(/maxAttempts/);
    expect(() => defineJob({ kind: 'a', maxAttempts: 2.5, backoff })).toThrow(/maxAttempts/);
  });

  it('refuses a backoff whose cap is below its base, or without a base', () => {
    expect(() =>
      defineJob({ kind: 'a', maxAttempts: 1, backoff: { baseMs: 10, maxMs: 5 } }),
    ).toThrow(/backoff/);
    expect(() =>
      defineJob({ kind: 'a', maxAttempts: 1, backoff: { baseMs: 0, maxMs: 5 } }),
    ).toThrow(/backoff/);
  });
});
