import {
  applicantProfileEvent,
  contactOf,
  normalizeEmail,
  ownProfile,
  resendTarget,
} from './applicant';

const siti = {
  id: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  nik: '3201014506900001',
  name: 'Siti Rahayu',
  birthDate: '1990-06-05',
  sex: 'F' as const,
  phone: '+6281234567890',
  email: 'siti@example.id',
  phoneVerifiedAt: new Date('2026-12-01T00:00:00Z'),
  address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
  preferredLanguage: 'id' as const,
  version: 3,
};

describe('an applicant', () => {
  it('is published whole, with its version, on the profile stream', () => {
    expect(applicantProfileEvent(siti, new Date('2026-12-02T01:02:03Z'))).toEqual({
      applicantId: siti.id,
      version: 3,
      nik: '3201014506900001',
      name: 'Siti Rahayu',
      birthDate: '1990-06-05',
      sex: 'F',
      phone: '+6281234567890',
      email: 'siti@example.id',
      address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
      changedAt: '2026-12-02T01:02:03.000Z',
    });
  });

  it('leaves out of the event what the applicant has not given', () => {
    const event = applicantProfileEvent(
      { ...siti, phone: undefined, address: undefined },
      new Date(),
    );
    expect(event).not.toHaveProperty('phone');
    expect(event).not.toHaveProperty('address');
  });

  it('sees their own profile with the NIK masked and what is verified', () => {
    const own = ownProfile(siti);
    expect(own.nikMasked).toBe('3201********0001');
    expect(JSON.stringify(own)).not.toContain('3201014506900001');
    expect([own.phoneVerified, own.emailVerified]).toEqual([true, false]);
  });

  it('is reached by phone or e-mail, e-mail in lower case', () => {
    expect(contactOf(siti, 'PHONE')).toBe('+6281234567890');
    expect(contactOf(siti, 'EMAIL')).toBe('siti@example.id');
    expect(normalizeEmail(' Siti@Example.ID ')).toBe('siti@example.id');
  });

  it('gets a new code for an unverified contact it has, a minute after the last', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const aMinuteAgo = new Date(now.getTime() - 60_000);
    expect(resendTarget(siti, 'EMAIL', aMinuteAgo, now)).toBe('siti@example.id');
    expect(resendTarget(siti, 'EMAIL', undefined, now)).toBe('siti@example.id');
    expect(() => resendTarget(siti, 'PHONE', undefined, now)).toThrow('contact_verified');
    expect(() => resendTarget({ ...siti, email: undefined }, 'EMAIL', undefined, now)).toThrow(
      'contact_missing',
    );
    try {
      resendTarget(siti, 'EMAIL', new Date(now.getTime() - 20_000), now);
      throw new Error('sent');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'verification_code_recent',
        status: 429,
        params: { retryAfterSeconds: 40 },
      });
    }
  });
});
