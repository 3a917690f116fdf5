import { toPublicTimeline } from './public-timeline';

describe('the public view of a case', () => {
  const found = {
    trackingNo: 'K7M39QX2C',
    status: 'VERIFYING' as const,
    agencyTimeZone: 'Asia/Makassar',
    submittedAt: new Date('2026-11-23T02:45:12.123Z'),
    deadline: new Date('2026-12-07T15:59:59.999Z'),
    entries: [
      {
        sequence: 1,
        status: 'VERIFYING' as const,
        agencyCode: 'DPMPTSP',
        agencyTimeZone: 'Asia/Makassar',
        occurredAt: new Date('2026-11-23T02:45:13.020Z'),
      },
      {
        sequence: 0,
        status: 'SUBMITTED' as const,
        agencyCode: 'DPMPTSP',
        agencyTimeZone: 'Asia/Makassar',
        occurredAt: new Date('2026-11-23T02:45:12.123Z'),
      },
    ],
  };

  it('has the steps in order, the dates in the agency’s zone, and the token', () => {
    expect(toPublicTimeline(found, 'token')).toEqual({
      trackingNo: 'K7M39QX2C',
      status: 'VERIFYING',
      submittedAt: '2026-11-23T10:45:12.123+08:00',
      deadline: '2026-12-07T23:59:59.999+08:00',
      steps: [
        { status: 'SUBMITTED', at: '2026-11-23T10:45:12.123+08:00', agencyCode: 'DPMPTSP' },
        { status: 'VERIFYING', at: '2026-11-23T10:45:13.020+08:00', agencyCode: 'DPMPTSP' },
      ],
      lookupToken: 'token',
    });
  });

  it('leaves the deadline out while there is none, and anything an entry carries besides', () => {
    const withReason = {
      ...found,
      deadline: null,
      entries: [{ ...found.entries[1], reason: 'Foto KTP tidak terbaca', applicantId: 'x' }],
    };
    const view = toPublicTimeline(withReason, 'token');
    expect(view).not.toHaveProperty('deadline');
    expect(view.steps).toEqual([
      { status: 'SUBMITTED', at: '2026-11-23T10:45:12.123+08:00', agencyCode: 'DPMPTSP' },
    ]);
  });
});
