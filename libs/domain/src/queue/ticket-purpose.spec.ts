import { purposeProblems } from './ticket-purpose';

describe('purposeProblems', () => {
  it('takes a visit to apply for a service without an application', () => {
    expect(purposeProblems('APPLY', undefined)).toEqual([]);
  });

  it('refuses a tracking number on a visit to apply: there is no application yet', () => {
    expect(purposeProblems('APPLY', 'K7M39QX2C')).toEqual([
      { field: 'trackingNo', code: 'tracking_no_not_for_purpose' },
    ]);
  });

  it.each(['HAND_IN_DOCUMENTS', 'COLLECT_OUTPUT'] as const)(
    'needs the application of a visit to %s',
    (purpose) => {
      expect(purposeProblems(purpose, 'K7M39QX2C')).toEqual([]);
      expect(purposeProblems(purpose, undefined)).toEqual([
        { field: 'trackingNo', code: 'tracking_no_required' },
      ]);
    },
  );
});
