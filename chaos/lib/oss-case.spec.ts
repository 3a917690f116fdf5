import { judgeOssReports, reportsOwed } from './oss-case';
import type { StepRecord } from './walks';

const step = (name: StepRecord['step'], acknowledged = true): StepRecord => ({
  step: name,
  answer: acknowledged ? 200 : 503,
  attempts: 1,
  acknowledged,
});

describe("an OSS case's reports, as the chaos audit judges them", () => {
  it('owes OSS the reports of the steps acknowledged: 09 10 before any, the permit after ISSUE', () => {
    expect(reportsOwed(undefined)).toBe(2);
    expect(reportsOwed({ steps: [step('COMPLETE_VERIFICATION'), step('PAY')] })).toBe(5);
    expect(reportsOwed({ steps: [step('COMPLETE_VERIFICATION'), step('PAY', false)] })).toBe(3);
    expect(
      reportsOwed({
        steps: [step('COMPLETE_VERIFICATION'), step('PAY'), step('APPROVE'), step('ISSUE')],
      }),
    ).toBe(7);
  });

  it('finds a whole life acknowledged once, in order, right', () => {
    expect(judgeOssReports(['09', '10', '30', '31', '20', '50', 'license'], 7)).toEqual({
      lost: 0,
      twice: 0,
      reasons: [],
    });
  });

  it('counts a report acknowledged twice, one missing, and an order broken', () => {
    expect(judgeOssReports(['09', '10', '10', '30'], 3)).toMatchObject({ lost: 0, twice: 1 });
    expect(judgeOssReports(['09', '10', '30'], 5)).toMatchObject({ lost: 2, twice: 0 });
    expect(judgeOssReports(['09', '30', '10'], 3)).toMatchObject({ lost: 3, twice: 0 });
  });

  it('takes reports beyond those owed, in order, as a step whose answer was lost', () => {
    expect(judgeOssReports(['09', '10', '30', '31', '20'], 3)).toEqual({
      lost: 0,
      twice: 0,
      reasons: [],
    });
  });
});
