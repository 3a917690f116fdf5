import type { ApplicantV2, SubmitApplicationV2 } from '@satupintu/contracts';

let serial = 0;

/**
 * A real-looking NIK: Kab. Bogor, Cibinong (32.01.01), a woman born 5 June 1990, and a fresh
 * serial each call so applicants differ.
 */
export function aNik(): string {
  serial = (serial % 9999) + 1;
  return `320101450690${String(serial).padStart(4, '0')}`;
}

/** An application that names its applicant, as a front-desk officer or an API client sends it. */
export type ApplicationForSomeone = SubmitApplicationV2 & { applicant: ApplicantV2 };

export function anApplication(
  overrides: Partial<ApplicationForSomeone> = {},
): ApplicationForSomeone {
  return {
    serviceCode: 'DUKCAPIL-KK',
    applicant: { nik: aNik(), name: 'Siti Rahayu', birthDate: '1990-06-05' },
    ...overrides,
  };
}
