import type { Principal } from '@satupintu/contracts';
import { SKM_ELEMENTS, skmIndex, skmPeriodOf, tallySkm, type SkmAnswers } from '@satupintu/domain';
import { assembleIndex, skmReadScope } from './skm-index';
import type { SkmPeriodRow } from './skm-index.repository';

const officer = (roles: Principal['roles'], agency?: string): Principal => ({
  kind: 'officer',
  subject: 'o',
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

/** What the database answers for these responses, computed the way its statement does. */
function rowOf(responses: SkmAnswers[], population: number, weight: number): SkmPeriodRow {
  const tallies = tallySkm(responses);
  const nrr = tallies.map((t) => (t.answered ? t.sum / t.answered : null));
  const ikm = nrr.some((v) => v === null)
    ? null
    : nrr.reduce<number>((total, v) => total + v! * weight, 0) * 25;
  return {
    start: '2026-01-01',
    respondents: responses.length,
    population,
    suggestions: 1,
    answered: tallies.map((t) => t.answered),
    nrr,
    ikm,
    profile: {
      sex: { M: 1, F: 0 },
      ageBand: {},
      education: {},
      occupation: {},
    },
  };
}

describe('assembleIndex', () => {
  const period = skmPeriodOf('quarter', '2026-02-10');
  const responses: SkmAnswers[] = [
    { U1: 4, U2: 4, U3: 3, U4: 4, U5: 4, U6: 4, U7: 4, U8: 3, U9: 4 },
    { U1: 3, U2: 4, U3: 2, U4: 4, U5: 3, U6: 4, U7: 4, U9: 3 },
  ];

  it('reads category, rounding and ranking off the figures as skmIndex does', () => {
    const index = assembleIndex(period, rowOf(responses, 100, 1 / 9), {}, 'EXACT', 'Asia/Jakarta');
    const pure = skmIndex(tallySkm(responses), 'EXACT');
    expect(index.ikm).toBe(pure.ikm);
    expect(index.ikmRounded).toBe(pure.ikmRounded);
    expect(index.category).toBe(pure.category);
    expect(index.elements.map((e) => e.nrr)).toEqual(pure.elements.map((e) => e.nrr));
    expect(index.weakestFirst[0]).toBe('U3');
    expect(index.minimumSample).toBe(80);
    expect(index.sampleTooSmall).toBe(true);
    expect(index.profile.sex).toEqual({ M: 1, F: 0, UNSTATED: 1 });
  });

  it('has no index when an element was answered by nobody', () => {
    const index = assembleIndex(
      period,
      rowOf([{ U1: 4 }], 0, 1 / 9),
      { agencyCode: 'PUPR' },
      'EXACT',
      'UTC',
    );
    expect(index).toMatchObject({ ikm: null, category: null, agencyCode: 'PUPR' });
    expect(index.unanswered).toEqual(SKM_ELEMENTS.filter((e) => e !== 'U1'));
    expect(index.sampleTooSmall).toBe(false);
  });
});

describe('skmReadScope', () => {
  it('lets mall admins and survey analysts read any scope', () => {
    expect(skmReadScope(officer(['MALL_ADMIN']), { agencyCode: 'PUPR' })).toEqual({
      agencyCode: 'PUPR',
    });
    expect(skmReadScope(officer(['SURVEY_ANALYST']), {})).toEqual({});
  });

  it("keeps an agency's admin to their own agency and its services", () => {
    const admin = officer(['AGENCY_ADMIN'], 'DUKCAPIL');
    expect(skmReadScope(admin, {})).toEqual({ agencyCode: 'DUKCAPIL' });
    expect(skmReadScope(admin, { serviceCode: 'DUKCAPIL-KK' })).toEqual({
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-KK',
    });
    expect(() => skmReadScope(admin, { agencyCode: 'PUPR' })).toThrow('forbidden');
    expect(() => skmReadScope(admin, { serviceCode: 'PUPR-PBG' })).toThrow('forbidden');
  });

  it('refuses applicants and anonymous callers', () => {
    expect(() =>
      skmReadScope({ kind: 'applicant', subject: 'a', roles: [], scopes: [] }, {}),
    ).toThrow('forbidden');
    expect(() => skmReadScope({ kind: 'anonymous', roles: [], scopes: [] }, {})).toThrow(
      'unauthenticated',
    );
  });
});
