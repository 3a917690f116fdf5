import type { TimelineEntryV1 } from '@satupintu/contracts';
import { TIMELINE_LIMITS, toTimelineResponse } from './timeline.response';

const entry = (overrides: Partial<TimelineEntryV1> = {}): TimelineEntryV1 => ({
  sequence: 1,
  status: 'VERIFYING',
  at: '2026-11-23T10:45:12.480+07:00',
  agencyCode: 'DUKCAPIL',
  ...overrides,
});

describe('toTimelineResponse', () => {
  it('copies the timeline as tracking answered it', () => {
    const timeline = {
      trackingNo: 'K7M39QX2C',
      status: 'REJECTED' as const,
      entries: [entry({ status: 'SUBMITTED' }), entry({ status: 'REJECTED', reason: 'KTP palsu' })],
    };
    expect(toTimelineResponse(timeline)).toEqual(timeline);
  });

  it('keeps the latest entries when there are more than the API promises', () => {
    const entries = Array.from({ length: TIMELINE_LIMITS.entries + 3 }, (_, i) =>
      entry({ agencyCode: `A${i}` }),
    );
    const answer = toTimelineResponse({ trackingNo: 'K7M39QX2C', status: 'VERIFYING', entries });
    expect(answer.entries).toHaveLength(TIMELINE_LIMITS.entries);
    expect(answer.entries[0].agencyCode).toBe('A3');
    expect(answer.entries.at(-1)?.agencyCode).toBe(`A${TIMELINE_LIMITS.entries + 2}`);
  });

  it('cuts a reason longer than the API promises', () => {
    const answer = toTimelineResponse({
      trackingNo: 'K7M39QX2C',
      status: 'REJECTED',
      entries: [entry({ status: 'REJECTED', reason: 'x'.repeat(TIMELINE_LIMITS.reason + 50) })],
    });
    expect(answer.entries[0].reason).toHaveLength(TIMELINE_LIMITS.reason);
  });

  it('passes on nothing tracking may add to an entry later', () => {
    const withExtra = { ...entry(), agencyTimeZone: 'Asia/Jakarta' } as TimelineEntryV1;
    const answer = toTimelineResponse({
      trackingNo: 'K7M39QX2C',
      status: 'VERIFYING',
      entries: [withExtra],
    });
    expect(answer.entries[0]).not.toHaveProperty('agencyTimeZone');
  });
});
