import {
  ApplicantProfileChanged,
  ApplicationSubmitted,
  type ApplicantProfileChangedV1,
  type ApplicationSubmittedV2,
} from '@satupintu/contracts';
import {
  ServiceProcess,
  eventually,
  publishEvents,
  queryServiceDb,
  testEnvironment,
} from '@satupintu/testing';
import { randomUUID } from 'node:crypto';

/**
 * Once-only data, the agency's side: it keeps the current profile of the applicants it serves,
 * from the PROFILE stream, without asking identity; a profile change reaches its database; one
 * of an applicant it does not serve is never kept; and an agency deployed after the change
 * still receives the current profile with the first application it gets.
 */
describe("an agency's copies of the profiles it serves", () => {
  const env = testEnvironment();
  const running: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  const profile = (
    applicantId: string,
    version: number,
    line: string,
  ): ApplicantProfileChangedV1 => ({
    applicantId,
    version,
    nik: '3201014506900001',
    name: 'Siti Rahayu',
    birthDate: '1990-06-05',
    sex: 'F',
    email: 'siti@example.id',
    address: { line, districtCode: '32.01.01' },
    changedAt: new Date().toISOString(),
  });

  const application = (agencyCode: string, applicantId: string): ApplicationSubmittedV2 => ({
    applicationId: randomUUID(),
    trackingNo: randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase(),
    serviceCode: `${agencyCode}-X`,
    agencyCode,
    agencyTimeZone: 'Asia/Jakarta',
    channel: 'WEB',
    applicantId,
    submittedBy: { kind: 'applicant', subject: applicantId },
    submittedAt: new Date().toISOString(),
  });

  const kept = async (agency: string, applicantId: string) =>
    (
      await queryServiceDb<{
        nik: string | null;
        address: { line: string } | null;
        version: number;
      }>(['agency', agency], 'SELECT nik, address, version FROM applicants WHERE id = $1', [
        applicantId,
      ])
    )[0];

  it('keeps the profile of an applicant it serves, follows its change, and ignores the rest', async () => {
    const agency = await ServiceProcess.start('agency', { AGENCY_CODE: 'PROFILA' });
    running.push(agency);
    const [served, stranger] = [randomUUID(), randomUUID()];
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      profile(served, 1, 'Jl. Merdeka 1'),
      profile(stranger, 1, 'Jl. Lain 2'),
    ]);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      application('PROFILA', served),
    ]);
    await eventually(async () =>
      expect(await kept('PROFILA', served)).toEqual({
        nik: '3201014506900001',
        address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
        version: 1,
      }),
    );

    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicantProfileChanged, [
      profile(served, 2, 'Jl. Sudirman 9'),
      profile(stranger, 2, 'Jl. Lain 3'),
    ]);
    await eventually(async () =>
      expect(await kept('PROFILA', served)).toMatchObject({
        address: { line: 'Jl. Sudirman 9', districtCode: '32.01.01' },
        version: 2,
      }),
    );
    expect(await kept('PROFILA', stranger)).toBeUndefined();

    // An agency deployed only now gets the current profile with its first application.
    const later = await ServiceProcess.start('agency', { AGENCY_CODE: 'PROFILB' });
    running.push(later);
    await publishEvents(env.NATS_URL, env.SP_NAMESPACE, ApplicationSubmitted, [
      application('PROFILB', served),
    ]);
    await eventually(async () =>
      expect(await kept('PROFILB', served)).toMatchObject({
        address: { line: 'Jl. Sudirman 9', districtCode: '32.01.01' },
        version: 2,
      }),
    );
  });
});
