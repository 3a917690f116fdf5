import { workingDayCalendar } from '@satupintu/domain';
import { advanceCase, caseView, foldCase, type CaseFacts, type CaseRules } from './case-view';

// March 2026: Nyepi (19th) and Idul Fitri with its cuti bersama (18th, 20th–24th) are days off.
const rules: CaseRules = {
  calendar: workingDayCalendar([
    '2026-03-18',
    '2026-03-19',
    '2026-03-20',
    '2026-03-23',
    '2026-03-24',
  ]),
  atRiskShare: 0.75,
};
const facts: CaseFacts = {
  applicationId: '0b1d8a3e-8a4e-4c55-9a55-6b1f0b1a0001',
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  serviceCode: 'DUKCAPIL-KK',
  channel: 'WEB',
  applicantId: null,
  businessId: null,
  submittedByClient: null,
  bundleCaseId: null,
  stepKey: null,
  submittedAt: new Date('2026-03-09T02:00:00Z'),
};
const at = (iso: string) => new Date(iso);

describe('caseView and advanceCase', () => {
  it('starts SUBMITTED at sequence 0, with no clock', () => {
    const view = caseView(facts);
    expect(view).toMatchObject({ status: 'SUBMITTED', sequence: 0, deadline: null, revisions: 0 });
  });

  it('takes the budget from the first deadline and warns when three quarters are used', () => {
    // Verifying on Monday 9 March; 8 working days: 10–13, 16, 17, 25, 26 March (the holidays skipped).
    const view = advanceCase(
      caseView(facts),
      {
        sequence: 1,
        status: 'VERIFYING',
        occurredAt: at('2026-03-09T02:00:01Z'),
        deadline: at('2026-03-26T17:00:00Z'),
      },
      rules,
    );
    expect(view.budgetDays).toBe(8);
    // 6 of 8 used at the start of the 7th working day: 25 March, 00:00 WIB.
    expect(view.atRiskFrom).toEqual(at('2026-03-24T17:00:00Z'));
  });

  it('stops warning while the applicant owes a revision, counts the revision, and ends within the standard', () => {
    const steps = [
      {
        sequence: 1,
        status: 'VERIFYING',
        occurredAt: at('2026-03-09T02:00:01Z'),
        deadline: at('2026-03-26T17:00:00Z'),
      },
      {
        sequence: 2,
        status: 'NEEDS_REVISION',
        occurredAt: at('2026-03-10T02:00:00Z'),
        deadline: at('2026-03-26T17:00:00Z'),
      },
      {
        sequence: 3,
        status: 'VERIFYING',
        occurredAt: at('2026-03-12T02:00:00Z'),
        deadline: at('2026-03-30T17:00:00Z'),
      },
      {
        sequence: 4,
        status: 'IN_REVIEW',
        occurredAt: at('2026-03-13T02:00:00Z'),
        deadline: at('2026-03-30T17:00:00Z'),
      },
      {
        sequence: 5,
        status: 'APPROVED',
        occurredAt: at('2026-03-16T02:00:00Z'),
        deadline: at('2026-03-30T17:00:00Z'),
      },
      {
        sequence: 6,
        status: 'ISSUED',
        occurredAt: at('2026-03-25T02:00:00Z'),
        deadline: at('2026-03-30T17:00:00Z'),
      },
    ] as const;
    const paused = foldCase(caseView(facts), steps.slice(0, 2), rules);
    expect(paused).toMatchObject({ status: 'NEEDS_REVISION', atRiskFrom: null, revisions: 1 });
    const done = foldCase(caseView(facts), [...steps], rules);
    // 9 March → 25 March: 10–13, 16, 17, 25 = 7 working days.
    expect(done).toMatchObject({
      status: 'ISSUED',
      sequence: 6,
      revisions: 1,
      completedAt: at('2026-03-25T02:00:00Z'),
      completionDays: 7,
      withinStandard: true,
      atRiskFrom: null,
    });
  });

  it('waits for a missing predecessor: a step after a gap is not folded in', () => {
    const later = {
      sequence: 2,
      status: 'IN_REVIEW',
      occurredAt: at('2026-03-10T02:00:00Z'),
      deadline: null,
    } as const;
    const first = {
      sequence: 1,
      status: 'VERIFYING',
      occurredAt: at('2026-03-09T02:00:01Z'),
      deadline: null,
    } as const;
    expect(foldCase(caseView(facts), [later], rules)).toMatchObject({
      status: 'SUBMITTED',
      sequence: 0,
    });
    expect(foldCase(caseView(facts), [later, first], rules)).toMatchObject({
      status: 'IN_REVIEW',
      sequence: 2,
    });
    expect(() => advanceCase(caseView(facts), later, rules)).toThrow(RangeError);
  });

  it('is past its standard when it ends after its deadline, and has none without a time limit', () => {
    const late = foldCase(
      caseView(facts),
      [
        {
          sequence: 1,
          status: 'VERIFYING',
          occurredAt: at('2026-03-09T02:00:01Z'),
          deadline: at('2026-03-10T17:00:00Z'),
        },
        { sequence: 2, status: 'REJECTED', occurredAt: at('2026-03-11T02:00:00Z'), deadline: null },
      ],
      rules,
    );
    expect(late).toMatchObject({ withinStandard: false, completionDays: 2, budgetDays: 1 });
    const unlimited = foldCase(
      caseView(facts),
      [
        {
          sequence: 1,
          status: 'VERIFYING',
          occurredAt: at('2026-03-09T02:00:01Z'),
          deadline: null,
        },
        { sequence: 2, status: 'REJECTED', occurredAt: at('2026-03-11T02:00:00Z'), deadline: null },
      ],
      rules,
    );
    expect(unlimited).toMatchObject({ withinStandard: null, budgetDays: null, atRiskFrom: null });
  });
});
