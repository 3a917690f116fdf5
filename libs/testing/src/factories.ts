import type { SubmitApplicationV1 } from '@satupintu/contracts';

let serial = 0;

/**
 * A real-looking NIK: Kab. Bogor, Cibinong (32.01.01), a woman born 5 June 1990, and a fresh
 * serial each call so applicants differ.
 */
export function aNik(): string {
  serial = (serial % 9999) + 1;
  return `320101450690${String(serial).padStart(4, '0')}`;
}

export function anApplication(overrides: Partial<SubmitApplicationV1> = {}): SubmitApplicationV1 {
  return {
    serviceCode: 'DUKCAPIL-KK',
    applicant: { nik: aNik(), name: 'Siti Rahayu', birthDate: '1990-06-05' },
    ...overrides,
  };
}
