import { toTimeline, type TimelineEntry } from './timeline';

const at = (iso: string) => new Date(iso);

const submitted: TimelineEntry = {
  sequence: 0,
  status: 'SUBMITTED',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  occurredAt: at('2025-11-23T03:00:00.000Z'),
};
const verifying: TimelineEntry = {
  sequence: 1,
  status: 'VERIFYING',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  occurredAt: at('2025-11-23T03:00:01.000Z'),
  reason: null,
};
const revision: TimelineEntry = {
  sequence: 2,
  status: 'NEEDS_REVISION',
  agencyCode: 'DUKCAPIL',
  // Each entry keeps its own agency's zone (a bundle spans agencies in WIB and WITA).
  agencyTimeZone: 'Asia/Makassar',
  occurredAt: at('2025-11-24T08:30:00.000Z'),
  reason: 'Foto KK buram',
};

describe('toTimeline', () => {
  it('answers undefined when there are no entries', () => {
    expect(toTimeline('K7M39QX2C', [])).toBeUndefined();
  });

  it('lists entries oldest first, with ISO times', () => {
    expect(toTimeline('K7M39QX2C', [submitted, verifying, revision])).toEqual({
      trackingNo: 'K7M39QX2C',
      status: 'NEEDS_REVISION',
      entries: [
        {
          sequence: 0,
          status: 'SUBMITTED',
          at: '2025-11-23T10:00:00.000+07:00',
          agencyCode: 'DUKCAPIL',
        },
        {
          sequence: 1,
          status: 'VERIFYING',
          at: '2025-11-23T10:00:01.000+07:00',
          agencyCode: 'DUKCAPIL',
        },
        {
          sequence: 2,
          status: 'NEEDS_REVISION',
          at: '2025-11-24T16:30:00.000+08:00',
          agencyCode: 'DUKCAPIL',
          reason: 'Foto KK buram',
        },
      ],
    });
  });

  it('shows the fee to pay on an AWAITING_PAYMENT entry', () => {
    const payment = {
      code: '880800123456789012',
      amount: 1_250_000,
      currency: 'IDR',
      expiresAt: '2025-11-26T10:00:00.000+07:00',
    } as const;
    const awaiting: TimelineEntry = {
      status: 'AWAITING_PAYMENT',
      agencyCode: 'PUPR',
      agencyTimeZone: 'Asia/Jakarta',
      occurredAt: at('2025-11-23T03:00:00.000Z'),
      sequence: 1,
      payment,
    };
    expect(
      toTimeline('K7M39QX2C', [awaiting, { ...verifying, sequence: 2, payment: null }])?.entries,
    ).toEqual([
      {
        sequence: 1,
        status: 'AWAITING_PAYMENT',
        at: '2025-11-23T10:00:00.000+07:00',
        agencyCode: 'PUPR',
        payment,
      },
      {
        sequence: 2,
        status: 'VERIFYING',
        at: '2025-11-23T10:00:01.000+07:00',
        agencyCode: 'DUKCAPIL',
      },
    ]);
  });

  it('orders by sequence, not by the order they were recorded', () => {
    const timeline = toTimeline('K7M39QX2C', [revision, submitted, verifying]);
    expect(timeline?.entries.map((entry) => entry.status)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
    ]);
  });

  it('orders by sequence, not by the clocks of the hosts that reported them', () => {
    // The agency's host runs a second behind intake's: its VERIFYING reads as earlier.
    const skewed: TimelineEntry = { ...verifying, occurredAt: at('2025-11-23T02:59:59.000Z') };
    const timeline = toTimeline('K7M39QX2C', [skewed, submitted]);
    expect(timeline?.entries.map((entry) => [entry.sequence, entry.status])).toEqual([
      [0, 'SUBMITTED'],
      [1, 'VERIFYING'],
    ]);
    expect(timeline?.status).toBe('VERIFYING');
  });

  it('takes the status of the latest entry, wherever it was in the input', () => {
    expect(toTimeline('K7M39QX2C', [revision, submitted])?.status).toBe('NEEDS_REVISION');
    expect(toTimeline('K7M39QX2C', [verifying, submitted])?.status).toBe('VERIFYING');
  });

  it('compares instants, not offsets', () => {
    const early: TimelineEntry = { ...submitted, occurredAt: at('2025-11-23T10:00:00+07:00') };
    const late: TimelineEntry = { ...verifying, occurredAt: at('2025-11-23T03:30:00Z') };
    expect(toTimeline('K7M39QX2C', [late, early])?.entries.map((e) => e.at)).toEqual([
      '2025-11-23T10:00:00.000+07:00',
      '2025-11-23T10:30:00.000+07:00',
    ]);
  });

  it('orders entries that happened at the same instant by sequence', () => {
    const a: TimelineEntry = { ...verifying, agencyCode: 'A', sequence: 1 };
    const b: TimelineEntry = { ...verifying, agencyCode: 'B', sequence: 2 };
    expect(toTimeline('K7M39QX2C', [a, b])?.entries.map((e) => e.agencyCode)).toEqual(['A', 'B']);
    expect(toTimeline('K7M39QX2C', [b, a])?.entries.map((e) => e.agencyCode)).toEqual(['A', 'B']);
  });

  it('has a reason only when the entry has one', () => {
    const entries = toTimeline('K7M39QX2C', [
      submitted,
      verifying,
      { ...revision, reason: '' },
      { ...revision, sequence: 3, occurredAt: at('2025-11-25T00:00:00Z') },
    ])?.entries;
    expect(entries?.map((entry) => 'reason' in entry)).toEqual([false, false, false, true]);
    expect(entries?.[3].reason).toBe('Foto KK buram');
  });

  it('answers for a single entry', () => {
    expect(toTimeline('K7M39QX2C', [submitted])).toEqual({
      trackingNo: 'K7M39QX2C',
      status: 'SUBMITTED',
      entries: [
        {
          sequence: 0,
          status: 'SUBMITTED',
          at: '2025-11-23T10:00:00.000+07:00',
          agencyCode: 'DUKCAPIL',
        },
      ],
    });
  });

  it('does not change the entries it is given', () => {
    const input = [revision, submitted, verifying];
    const snapshot = input.map((entry) => ({ ...entry }));
    toTimeline('K7M39QX2C', input);
    expect(input).toEqual(snapshot);
    expect(input[0]).toBe(revision);
    expect(input[1]).toBe(submitted);
    expect(input[2]).toBe(verifying);
  });
});
