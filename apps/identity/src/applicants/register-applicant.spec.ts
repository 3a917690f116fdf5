import type { DomainError } from '@satupintu/common';
import type { RegisterApplicantV1 } from '@satupintu/contracts';
import { checkRegistration, registerApplicant } from './register-applicant';

const regions = { hasDistrict: (code: string) => code === '32.01.01' };

const siti = (overrides: Partial<RegisterApplicantV1> = {}): RegisterApplicantV1 => ({
  nik: '3201014506900001',
  name: 'Siti Rahayu',
  birthDate: '1990-06-05',
  sex: 'F',
  email: 'Siti@Example.id',
  password: 'kopi tubruk di pagi hari',
  ...overrides,
});

function refusal(input: RegisterApplicantV1): DomainError {
  try {
    checkRegistration(input, regions, 'a-1');
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('accepted');
}

describe('registering an applicant', () => {
  it('accepts a real NIK that agrees with the stated birth date and sex', () => {
    expect(checkRegistration(siti(), regions, 'a-1')).toEqual({
      id: 'a-1',
      nik: '3201014506900001',
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
      sex: 'F',
      email: 'siti@example.id',
      preferredLanguage: 'id',
      version: 1,
    });
    expect(checkRegistration({ ...siti(), preferredLanguage: 'en' }, regions, 'a-1')).toMatchObject(
      { preferredLanguage: 'en' },
    );
  });

  it.each([
    ['the wrong length', { nik: '320101450690001' }, 'nik_format'],
    ['an unknown region', { nik: '9901014506900001' }, 'nik_region'],
    ['an impossible date', { nik: '3201017306900001' }, 'nik_birth_date'],
    ['serial 0000', { nik: '3201014506900000' }, 'nik_serial'],
    ['another birth date', { birthDate: '1990-06-06' }, 'nik_birth_date_mismatch'],
    ['the other sex', { sex: 'M' as const }, 'nik_gender_mismatch'],
  ])('refuses a NIK with %s, naming the wrong part', (_, overrides, code) => {
    const error = refusal(siti(overrides));
    expect([error.status, error.errors]).toEqual([422, [{ field: 'nik', code }]]);
  });

  it('needs a phone or an e-mail', () => {
    expect(refusal(siti({ email: undefined })).errors).toEqual([
      { field: 'phone', code: 'contact_required' },
    ]);
  });

  it.each([
    ['short', 'pendek', 'password_too_short', { min: 10 }],
    ['common', 'password123', 'password_common', undefined],
    ['personal', 'rahayu-1990-jaya', 'password_personal', undefined],
  ])('refuses a %s password by the policy', (_, password, code, params) => {
    expect(refusal(siti({ password })).errors).toEqual([
      { field: 'password', code, ...(params ? { params } : {}) },
    ]);
  });

  it('reports every problem at once', () => {
    const error = refusal(siti({ nik: '3201014506900000', email: undefined, password: 'x' }));
    expect(error.errors.map((e) => e.field)).toEqual(['nik', 'phone', 'password']);
  });

  it('stores the applicant and its password with the answer it gives', async () => {
    const stored: unknown[][] = [];
    const ports = {
      regions,
      newId: () => 'a-2',
      add: (...args: unknown[]) => {
        stored.push(args);
        return Promise.resolve();
      },
    };
    const answer = await registerApplicant(siti({ phone: '+6281234567890' }), ports);
    expect(answer).toEqual({ applicantId: 'a-2', verificationsSent: ['PHONE', 'EMAIL'] });
    expect(stored).toEqual([[expect.objectContaining({ id: 'a-2' }), siti().password, answer]]);
  });

  it('answers the new id and where codes were sent', async () => {
    const ports = { regions, newId: () => 'a-3', add: () => Promise.resolve() };
    expect(await registerApplicant(siti(), ports)).toEqual({
      applicantId: 'a-3',
      verificationsSent: ['EMAIL'],
    });
  });
});
