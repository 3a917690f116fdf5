import { type ConsumerCounts, handledTwice } from './audit';

describe('handledTwice', () => {
  const counts = (entries: [string, number, number][]): ConsumerCounts =>
    new Map(entries.map(([key, handled, inbox]) => [key, { handled, inbox }]));

  it('is nothing when every handled event got its inbox row', () => {
    const before = counts([['db/tracking-submitted', 10, 10]]);
    const after = counts([['db/tracking-submitted', 50, 50]]);
    expect(handledTwice(before, after)).toEqual({ events: 0, reasons: [] });
  });

  it('counts the events handled beyond the new inbox rows, per consumer', () => {
    const before = counts([
      ['db/agency-pupr', 10, 10],
      ['db/tracking-submitted', 5, 5],
    ]);
    const after = counts([
      ['db/agency-pupr', 23, 20],
      ['db/tracking-submitted', 6, 6],
    ]);
    expect(handledTwice(before, after)).toEqual({
      events: 3,
      reasons: ['db/agency-pupr handled 3 events beyond its new inbox rows'],
    });
  });

  it('counts a consumer that appeared in between from zero', () => {
    expect(handledTwice(counts([]), counts([['db/new', 4, 3]])).events).toBe(1);
  });
});
