import { loadRegionIndex, parseNik } from '@satupintu/domain';
import { plannedApplication } from './applicants';

describe('plannedApplication', () => {
  // More than a 15-minute run at 40 per second sends.
  const planned = Array.from({ length: 40_000 }, (_, n) => plannedApplication(n));

  it('never gives two applications the same NIK', () => {
    expect(new Set(planned.map((p) => p.body.applicant.nik)).size).toBe(planned.length);
  });

  it('gives NIKs that intake accepts, agreeing with the stated birth date', () => {
    const regions = loadRegionIndex();
    const problems = planned.flatMap(({ body: { applicant } }) => {
      const result = parseNik(applicant.nik, regions, { birthDate: applicant.birthDate });
      return result.ok ? [] : [`${applicant.nik}: ${result.problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('has women (+40 on the day) and men', () => {
    const days = planned.slice(0, 2).map((p) => Number(p.body.applicant.nik.slice(6, 8)));
    expect(days[0]).toBeGreaterThan(40);
    expect(days[1]).toBeLessThanOrEqual(31);
  });

  it('spreads the applications over the services of every agency', () => {
    const agencies = new Set(planned.slice(0, 5).map((p) => p.agencyCode));
    expect(agencies).toEqual(new Set(['DPMPTSP', 'DUKCAPIL', 'PUPR']));
    expect(new Set(planned.slice(0, 5).map((p) => p.body.serviceCode)).size).toBe(5);
  });
});
