import { workingDayCalendar } from '@satupintu/domain';
import { bundleView } from './bundle-view';

const calendar = workingDayCalendar(['2026-03-19']);
const event = {
  bundleCaseId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'B7M39QX2C',
  bundleCode: 'START-SMALL-BUSINESS',
  status: 'COMPLETED' as const,
  changedAt: '2026-03-20T03:00:00.000Z',
};

describe('bundleView', () => {
  it("counts working days from its first step's submission, in that agency's zone", () => {
    // Submitted Mon 16 March 23:30 WIT (Jayapura, +09) = 14:30 UTC; completed Fri 20 March.
    // After the 16th up to the 20th: 17, 18, 20 (the 19th is off) = 3 working days.
    const view = bundleView(
      event,
      { submittedAt: new Date('2026-03-16T14:30:00Z'), agencyTimeZone: 'Asia/Jayapura' },
      calendar,
    );
    expect(view).toEqual({
      ...event,
      changedAt: undefined,
      timeZone: 'Asia/Jayapura',
      startedAt: new Date('2026-03-16T14:30:00Z'),
      completedAt: new Date('2026-03-20T03:00:00.000Z'),
      endToEndDays: 3,
    });
  });

  it('has no end-to-end time when no step of it is known', () => {
    expect(bundleView(event, undefined, calendar)).toMatchObject({
      startedAt: null,
      endToEndDays: null,
      timeZone: 'Asia/Jakarta',
    });
  });
});
