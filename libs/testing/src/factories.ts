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
    applicant: {
      nik: aNik(),
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
      consent: { method: 'SIGNED_FORM', reference: 'PRS/2026/11/0042' },
    },
    ...overrides,
  };
}

/**
 * A citizen no other test of the run has: a NIK of Cibinong (32.01.01) with a random birth date
 * and serial, the birth date and sex it encodes, and a random mobile number. Identity keeps one
 * account per NIK and phone, and every suite of a run shares its database.
 */
export function aCitizen(): { nik: string; birthDate: string; sex: 'M' | 'F'; phone: string } {
  const random = (below: number) => Math.floor(Math.random() * below);
  const sex = random(2) === 0 ? 'F' : 'M';
  const year = 1950 + random(50);
  const month = 1 + random(12);
  const day = 1 + random(28);
  const two = (n: number) => String(n).padStart(2, '0');
  const nik = `320101${two(sex === 'F' ? day + 40 : day)}${two(month)}${two(year % 100)}${String(1 + random(9999)).padStart(4, '0')}`;
  return {
    nik,
    birthDate: `${year}-${two(month)}-${two(day)}`,
    sex,
    phone: `+62812${String(random(100_000_000)).padStart(8, '0')}`,
  };
}
