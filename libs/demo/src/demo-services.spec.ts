import { PublishServiceStandardV1 } from '@satupintu/contracts';
import { checkFormRules } from '@satupintu/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEMO_AGENCIES } from './demo-agencies';
import { DEMO_SERVICES } from './demo-services';

describe('the demo catalog', () => {
  it.each(DEMO_SERVICES.map((service) => [service.code, service] as const))(
    '%s is a standard its agency can publish',
    (_code, { agencyCode, ...standard }) => {
      const errors = validateSync(plainToInstance(PublishServiceStandardV1, standard), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      expect(errors).toEqual([]);
      expect(
        checkFormRules(
          standard.requirements.fields,
          standard.requirements.documents.map((document) => document.kind),
        ),
      ).toEqual([]);
      expect(standard.code.startsWith(`${agencyCode}-`)).toBe(true);
      expect(DEMO_AGENCIES.map((agency) => agency.code)).toContain(agencyCode);
    },
  );

  it('has at least four agencies and eight services, every agency with a service', () => {
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(8);
    for (const agency of DEMO_AGENCIES)
      expect(DEMO_SERVICES.some((service) => service.agencyCode === agency.code)).toBe(true);
    expect(new Set(DEMO_SERVICES.map((service) => service.code)).size).toBe(DEMO_SERVICES.length);
  });

  it('keeps the service codes tests, the bench and the chaos run use', () => {
    expect(DEMO_SERVICES.map((service) => service.code)).toEqual(
      expect.arrayContaining([
        'DPMPTSP-NIB',
        'DPMPTSP-SIP',
        'DUKCAPIL-KK',
        'DUKCAPIL-AKTA-LAHIR',
        'PUPR-PBG',
      ]),
    );
  });
});
