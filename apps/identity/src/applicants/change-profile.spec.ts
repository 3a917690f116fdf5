import type { ApplicantRecord } from './applicant';
import { changeProfile } from './change-profile';

const current: ApplicantRecord = {
  id: 'a-1',
  nik: '3201014506900001',
  name: 'Siti Rahayu',
  birthDate: '1990-06-05',
  sex: 'F',
  phone: '+6281234567890',
  phoneVerifiedAt: new Date('2026-12-01T00:00:00Z'),
  email: 'siti@example.id',
  emailVerifiedAt: new Date('2026-12-01T00:00:00Z'),
  address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
  preferredLanguage: 'id',
  version: 2,
};

describe("changing an applicant's profile", () => {
  it('changes the address and makes a new version', () => {
    const { next, changed, newContacts } = changeProfile(current, {
      address: { line: ' Jl. Sudirman 9 ', districtCode: '32.01.02', postalCode: '16911' },
    });
    expect(changed).toBe(true);
    expect(newContacts).toEqual([]);
    expect(next).toMatchObject({
      address: { line: 'Jl. Sudirman 9', districtCode: '32.01.02', postalCode: '16911' },
      version: 3,
      phoneVerifiedAt: current.phoneVerifiedAt,
    });
  });

  it('makes a new phone or e-mail unverified and asks for its code', () => {
    const { next, newContacts } = changeProfile(current, {
      phone: '+6289876543210',
      email: 'SITI.R@Example.id',
    });
    expect(newContacts).toEqual(['PHONE', 'EMAIL']);
    expect(next.email).toBe('siti.r@example.id');
    expect(next.phoneVerifiedAt).toBeUndefined();
    expect(next.emailVerifiedAt).toBeUndefined();
  });

  it('changes nothing, and makes no version, when every value is the same', () => {
    const { next, changed, newContacts } = changeProfile(current, {
      name: 'Siti Rahayu',
      phone: current.phone,
      email: 'Siti@example.id',
      address: { line: 'Jl. Merdeka 1', districtCode: '32.01.01' },
    });
    expect([changed, newContacts, next.version]).toEqual([false, [], 2]);
  });

  it('corrects a name (by court order) as a new version', () => {
    const { next, changed } = changeProfile(current, { name: 'Siti Rahayu Putri' });
    expect([changed, next.name, next.version]).toEqual([true, 'Siti Rahayu Putri', 3]);
  });

  it('changes the language case updates are written in, and keeps it when it is the same', () => {
    const english = changeProfile(current, { preferredLanguage: 'en' });
    expect([english.changed, english.next.preferredLanguage, english.next.version]).toEqual([
      true,
      'en',
      3,
    ]);
    const same = changeProfile(current, { preferredLanguage: 'id' });
    expect([same.changed, same.next.version]).toEqual([false, 2]);
  });

  it('refuses a change of nothing, and a blank name', () => {
    expect(() => changeProfile(current, {})).toThrow('validation_failed');
    expect(() => changeProfile(current, { name: '   ' })).toThrow('validation_failed');
  });
});
