import { type Followed, eventId, judgeLive } from './live';

describe('eventId', () => {
  it('reads the id of an event block, and nothing of a heartbeat or a retry hint', () => {
    expect(eventId('id: 3\nevent: status\ndata: {"status":"ISSUED"}')).toBe(3);
    expect(eventId(': heartbeat')).toBeUndefined();
    expect(eventId('retry: 2000')).toBeUndefined();
  });
});

describe('judgeLive', () => {
  const followed = (id: string, ids: number[], lateIds: number[] = []): Followed => ({
    applicationId: id,
    trackingNo: id.toUpperCase(),
    ids,
    resumes: 0,
    lateIds,
    endings: {},
  });

  it('finds nothing wrong with every entry once, in order, up to the last recorded', () => {
    expect(judgeLive([followed('a', [0, 1, 2, 3])], new Map([['a', 3]]))).toEqual({
      lost: 0,
      twice: 0,
      reasons: [],
      late: 0,
    });
  });

  it('counts an entry that came only on the last resume as late, not lost', () => {
    const result = judgeLive([followed('a', [0, 1, 2, 3], [3])], new Map([['a', 3]]));
    expect(result).toMatchObject({ lost: 0, twice: 0, late: 1 });
  });

  it('counts a skipped entry, a stream short of the last entry and a repeat, per case', () => {
    const result = judgeLive(
      [
        followed('a', [0, 1, 3]),
        followed('b', [0, 1]),
        followed('c', [0, 1, 1, 2]),
        followed('d', [1, 2]),
      ],
      new Map([
        ['a', 3],
        ['b', 2],
        ['c', 2],
        ['d', 2],
      ]),
    );
    expect(result).toEqual({
      lost: 3,
      twice: 1,
      late: 0,
      reasons: [
        'live: an entry skipped: 2 cases',
        'live: the stream ended short of the last entry: 1 cases',
        'live: an entry received twice: 1 cases',
      ],
    });
  });
});
