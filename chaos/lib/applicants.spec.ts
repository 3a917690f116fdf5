import { DEMO_AGENCIES, DEMO_SERVICES } from '@satupintu/demo';
import { loadRegionIndex, parseNik } from '@satupintu/domain';
import { BUNDLE_EVERY, plannedApplication, plannedSubmission } from './applicants';

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
    const first = planned.slice(0, DEMO_SERVICES.length);
    expect(new Set(first.map((p) => p.agencyCode))).toEqual(
      new Set(DEMO_AGENCIES.map((agency) => agency.code)),
    );
    expect(new Set(first.map((p) => p.body.serviceCode)).size).toBe(DEMO_SERVICES.length);
  });

  it("submits each through a channel its service's standard takes", () => {
    for (const { body } of planned) {
      const service = DEMO_SERVICES.find((candidate) => candidate.code === body.serviceCode);
      expect(service?.channels).toContain(body.channel);
    }
  });
});

describe('plannedSubmission', () => {
  const planned = Array.from({ length: 1000 }, (_, n) => plannedSubmission(n));
  const bundles = planned.filter((p) => p.path);

  it('opens a bundle once in BUNDLE_EVERY submissions, each with a NIK of its own', () => {
    expect(bundles).toHaveLength(1000 / BUNDLE_EVERY);
    expect(new Set(planned.map((p) => p.body.applicant.nik)).size).toBe(planned.length);
  });

  it("sends a bundle to its route, for its first step's agency, through a channel that step takes", () => {
    const akta = DEMO_SERVICES.find((service) => service.code === 'DUKCAPIL-AKTA-LAHIR')!;
    for (const bundle of bundles) {
      expect(bundle.path).toBe('/v1/bundles/BIRTH-OF-A-CHILD/applications');
      expect(bundle.agencyCode).toBe('DUKCAPIL');
      expect(akta.channels).toContain(bundle.body.channel);
      expect(bundle.body).toEqual(expect.objectContaining({ form: {}, documents: [] }));
    }
  });
});
