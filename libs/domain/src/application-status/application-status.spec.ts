import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  canTransition,
  isFinalStatus,
  isWaitingOnApplicant,
} from './application-status';

type Cell = 0 | 1;

// Rows are `from`, columns are `to` in APPLICATION_STATUSES order; 1 means allowed. Aligned by
// hand so the table reads as a matrix, hence no reformatting.
// prettier-ignore
const EXPECTED: Record<ApplicationStatus, readonly Cell[]> = {
  //                SUB  VER  REV  PAY  INR  APP  ISS  REJ  WDR
  SUBMITTED:        [0,   1,   0,   0,   0,   0,   0,   1,   1],
  VERIFYING:        [0,   0,   1,   1,   1,   0,   0,   1,   1],
  NEEDS_REVISION:   [0,   1,   0,   0,   0,   0,   0,   0,   1],
  AWAITING_PAYMENT: [0,   0,   0,   0,   1,   0,   0,   0,   1],
  IN_REVIEW:        [0,   0,   0,   0,   0,   1,   0,   1,   1],
  APPROVED:         [0,   0,   0,   0,   0,   0,   1,   0,   0],
  ISSUED:           [0,   0,   0,   0,   0,   0,   0,   0,   0],
  REJECTED:         [0,   0,   0,   0,   0,   0,   0,   0,   0],
  WITHDRAWN:        [0,   0,   0,   0,   0,   0,   0,   0,   0],
};

describe('application status', () => {
  it('lists the nine statuses of the shared vocabulary in lifecycle order', () => {
    expect(APPLICATION_STATUSES).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
      'AWAITING_PAYMENT',
      'IN_REVIEW',
      'APPROVED',
      'ISSUED',
      'REJECTED',
      'WITHDRAWN',
    ]);
  });

  describe.each(APPLICATION_STATUSES)('from %s', (from) => {
    const row = EXPECTED[from].map((cell) => cell === 1);

    it('has one expectation for every target status', () => {
      expect(row).toHaveLength(APPLICATION_STATUSES.length);
    });

    it.each(APPLICATION_STATUSES.map((to, i) => [to, row[i]] as const))(
      'moving to %s is allowed: %s',
      (to, allowed) => {
        expect(canTransition(from, to)).toBe(allowed);
      },
    );
  });

  it('never allows a status to transition to itself', () => {
    for (const status of APPLICATION_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('lets the applicant withdraw from every status before a decision, but not after', () => {
    const withdrawable = APPLICATION_STATUSES.filter((s) => canTransition(s, 'WITHDRAWN'));
    expect(withdrawable).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
      'AWAITING_PAYMENT',
      'IN_REVIEW',
    ]);
  });

  it('allows rejection only while the case is submitted, being verified or in review', () => {
    const rejectable = APPLICATION_STATUSES.filter((s) => canTransition(s, 'REJECTED'));
    expect(rejectable).toEqual(['SUBMITTED', 'VERIFYING', 'IN_REVIEW']);
  });

  it('treats ISSUED, REJECTED and WITHDRAWN as final and every other status as open', () => {
    expect(APPLICATION_STATUSES.filter(isFinalStatus)).toEqual(['ISSUED', 'REJECTED', 'WITHDRAWN']);
  });

  it('has no way out of a final status and a way out of every other status', () => {
    for (const from of APPLICATION_STATUSES) {
      const exits = APPLICATION_STATUSES.filter((to) => canTransition(from, to));
      expect(exits.length === 0).toBe(isFinalStatus(from));
    }
  });

  it('pauses the deadline clock only while waiting for a revision or a payment', () => {
    expect(APPLICATION_STATUSES.filter(isWaitingOnApplicant)).toEqual([
      'NEEDS_REVISION',
      'AWAITING_PAYMENT',
    ]);
  });

  it('reaches ISSUED from SUBMITTED along the longest happy path', () => {
    const path: ApplicationStatus[] = [
      'SUBMITTED',
      'VERIFYING',
      'NEEDS_REVISION',
      'VERIFYING',
      'AWAITING_PAYMENT',
      'IN_REVIEW',
      'APPROVED',
      'ISSUED',
    ];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('refuses unknown statuses that slip past the type system at runtime', () => {
    const bogus = 'toString' as ApplicationStatus;
    expect(canTransition(bogus, 'VERIFYING')).toBe(false);
    expect(canTransition('SUBMITTED', bogus)).toBe(false);
    expect(isFinalStatus(bogus)).toBe(false);
    expect(isWaitingOnApplicant(bogus)).toBe(false);
  });
});
