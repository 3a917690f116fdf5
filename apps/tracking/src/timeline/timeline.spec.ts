import { toTimeline, type TimelineEntry } from './timeline';

const at = (iso: string) => new Date(iso);

const submitted: TimelineEntry = {
  status: 'SUBMITTED',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  occurredAt: at('2025-11-23T03:00:00.000Z'),
};
const verifying: TimelineEntry = {
  status: 'VERIFYING',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  occurredAt: at('2025-11-23T03:00:01.000Z'),
  reason: null,
};
const revision: TimelineEntry = {
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
        { status: 'SUBMITTED', at: '2025-11-23T10:00:00.000+07:00', agencyCode: 'DUKCAPIL' },
        { status: 'VERIFYING', at: '2025-11-23T10:00:01.000+07:00', agencyCode: 'DUKCAPIL' },
        {
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
      payment,
    };
    expect(toTimeline('K7M39QX2C', [awaiting, { ...verifying, payment: null }])?.entries).toEqual([
      {
        status: 'AWAITING_PAYMENT',
        at: '2025-11-23T10:00:00.000+07:00',
        agencyCode: 'PUPR',
        payment,
      },
      { status: 'VERIFYING', at: '2025-11-23T10:00:01.000+07:00', agencyCode: 'DUKCAPIL' },
    ]);
  });

  it('orders by when things happened, not by the order they were recorded', () => {
    const timeline = toTimeline('K7M39QX2C', [revision, submitted, verifying]);
    expect(timeline?.entries.map((entry) => entry.status)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
    ]);
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

  it('keeps the input order of entries that happened at the same instant', () => {
    const a: TimelineEntry = { ...verifying, agencyCode: 'A' };
    const b: TimelineEntry = { ...verifying, agencyCode: 'B' };
    expect(toTimeline('K7M39QX2C', [a, b])?.entries.map((e) => e.agencyCode)).toEqual(['A', 'B']);
    expect(toTimeline('K7M39QX2C', [b, a])?.entries.map((e) => e.agencyCode)).toEqual(['B', 'A']);
  });

  it('has a reason only when the entry has one', () => {
    const entries = toTimeline('K7M39QX2C', [
      submitted,
      verifying,
      { ...revision, reason: '' },
      { ...revision, occurredAt: at('2025-11-25T00:00:00Z') },
    ])?.entries;
    expect(entries?.map((entry) => 'reason' in entry)).toEqual([false, false, false, true]);
    expect(entries?.[3].reason).toBe('Foto KK buram');
  });

  it('answers for a single entry', () => {
    expect(toTimeline('K7M39QX2C', [submitted])).toEqual({
      trackingNo: 'K7M39QX2C',
      status: 'SUBMITTED',
      entries: [
        { status: 'SUBMITTED', at: '2025-11-23T10:00:00.000+07:00', agencyCode: 'DUKCAPIL' },
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
