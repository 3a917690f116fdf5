import { type DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { servqualGaps, skmPeriodOf } from '@satupintu/domain';
import { servqualCsv } from './servqual-csv';
import {
  checkServqualAnswers,
  requireResultsReader,
  servqualResults,
  servqualSourceOf,
} from './servqual-response';

const applicant: Principal = { kind: 'applicant', subject: 'a-1', roles: [], scopes: [] };
const kiosk: Principal = {
  kind: 'client',
  subject: 'kiosk-1',
  clientId: 'kiosk-lobby',
  roles: [],
  scopes: ['applications:submit', 'surveys:kiosk'],
};
const answers = [{ item: 1, expectation: 5, perception: 4 }];
const today = '2026-05-10';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    const e = error as DomainError;
    return { status: e.status, fields: e.errors.map((f) => `${f.field}:${f.code}`) };
  }
  return undefined;
};

describe('who answers SERVQUAL', () => {
  it('takes an applicant for a case, and a kiosk for a service and a day', () => {
    expect(servqualSourceOf(applicant, { trackingNo: 'K7M39QX2C', answers }, today)).toEqual({
      kind: 'APPLICANT',
      trackingNo: 'K7M39QX2C',
    });
    expect(
      servqualSourceOf(kiosk, { serviceCode: 'PUPR-PBG', day: '2026-05-10', answers }, today),
    ).toEqual({
      kind: 'KIOSK',
      clientId: 'kiosk-lobby',
      serviceCode: 'PUPR-PBG',
      day: '2026-05-10',
    });
  });

  it('refuses the wrong fields for the caller, a day to come or none, and other callers', () => {
    expect(
      refusal(() => servqualSourceOf(applicant, { serviceCode: 'PUPR-PBG', answers }, today)),
    ).toEqual({ status: 400, fields: ['trackingNo:servqual_source'] });
    expect(
      refusal(() => servqualSourceOf(kiosk, { trackingNo: 'K7M39QX2C', answers }, today)),
    ).toEqual({ status: 400, fields: ['serviceCode:servqual_source'] });
    expect(
      refusal(() =>
        servqualSourceOf(kiosk, { serviceCode: 'PUPR-PBG', day: '2026-05-11', answers }, today),
      ),
    ).toEqual({ status: 400, fields: ['day:day_in_future'] });
    expect(
      refusal(() =>
        servqualSourceOf(kiosk, { serviceCode: 'PUPR-PBG', day: '2026-02-30', answers }, today),
      ),
    ).toEqual({ status: 400, fields: ['day:must_be_date'] });
    expect(
      refusal(() =>
        servqualSourceOf({ ...kiosk, scopes: ['applications:submit'] }, { answers }, today),
      )?.status,
    ).toBe(403);
    expect(
      refusal(() =>
        servqualSourceOf({ kind: 'anonymous', roles: [], scopes: [] }, { answers }, today),
      )?.status,
    ).toBe(401);
  });

  it('refuses an item answered twice, naming the second', () => {
    expect(refusal(() => checkServqualAnswers([...answers, ...answers]))).toEqual({
      status: 400,
      fields: ['answers.1.item:item_repeated'],
    });
  });
});

describe('SERVQUAL results', () => {
  it('answers every item and dimension, as the pure definition does for the same tallies', () => {
    // Item 1: (5, 3) and (4, 4): expectation 4.5, perception 3.5, gap −1. Item 2: (4, 5): +1.
    const results = servqualResults('PUPR-PBG', skmPeriodOf('quarter', '2026-05-10'), {
      respondents: 2,
      items: [
        { item: 1, answered: 2, expectation: 4.5, perception: 3.5, gap: -1 },
        { item: 2, answered: 1, expectation: 4, perception: 5, gap: 1 },
      ],
      dimensions: [{ dimension: 'TANGIBLES', gap: 0 }],
    });
    const pure = servqualGaps([
      { item: 1, expectationSum: 9, perceptionSum: 7, answered: 2 },
      { item: 2, expectationSum: 4, perceptionSum: 5, answered: 1 },
    ]);
    expect(results.items).toEqual(pure.items);
    expect(results.dimensions).toEqual(pure.dimensions);
    expect(results).toMatchObject({ period: '2026-TW2', from: '2026-04-01', until: '2026-07-01' });

    const csv = servqualCsv(results).split('\r\n');
    expect(csv[0]).toBe(
      'serviceCode,period,kind,item,dimension,answered,expectation,perception,gap',
    );
    expect(csv[1]).toBe('PUPR-PBG,2026-TW2,ITEM,1,TANGIBLES,2,4.5,3.5,-1');
    expect(csv[3]).toBe('PUPR-PBG,2026-TW2,ITEM,3,TANGIBLES,0,,,');
    expect(csv[23]).toBe('PUPR-PBG,2026-TW2,DIMENSION,,TANGIBLES,,,,0');
    expect(csv[24]).toBe('PUPR-PBG,2026-TW2,DIMENSION,,RELIABILITY,,,,');
    expect(csv).toHaveLength(22 + 5 + 2);
  });
});

describe('who reads SERVQUAL results', () => {
  const officer = (roles: Principal['roles'], agency?: string): Principal => ({
    kind: 'officer',
    subject: 'o',
    roles,
    scopes: [],
    ...(agency ? { agency } : {}),
  });

  it('is a survey analyst or mall admin for any service, an agency admin for their own', () => {
    expect(() => requireResultsReader(officer(['SURVEY_ANALYST']), 'PUPR-PBG')).not.toThrow();
    expect(() => requireResultsReader(officer(['MALL_ADMIN'], 'MPP'), 'PUPR-PBG')).not.toThrow();
    expect(() => requireResultsReader(officer(['AGENCY_ADMIN'], 'PUPR'), 'PUPR-PBG')).not.toThrow();
    expect(
      refusal(() => requireResultsReader(officer(['AGENCY_ADMIN'], 'DUKCAPIL'), 'PUPR-PBG'))
        ?.status,
    ).toBe(403);
    expect(
      refusal(() => requireResultsReader(officer(['VERIFIER'], 'PUPR'), 'PUPR-PBG'))?.status,
    ).toBe(403);
  });
});
