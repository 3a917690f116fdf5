import { runProbes } from './health.module';

describe('runProbes', () => {
  it('answers which probes are up and which are down, with why', async () => {
    const result = await runProbes([
      { name: 'database', check: () => Promise.resolve() },
      { name: 'nats', check: () => Promise.reject(new Error('NATS connection is down')) },
    ]);
    expect(result).toEqual({
      up: ['database'],
      down: [{ name: 'nats', reason: 'NATS connection is down' }],
    });
  });

  it('counts a probe that does not answer in time as down, without waiting for it', async () => {
    const started = Date.now();
    const result = await runProbes(
      [{ name: 'database', check: () => new Promise<void>(() => undefined) }],
      50,
    );
    expect(result.down).toEqual([{ name: 'database', reason: 'no answer within 50 ms' }]);
    // Bounded by the timeout, not by the probe: it never answers at all.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
