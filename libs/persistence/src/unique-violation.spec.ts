import { uniqueViolation } from './unique-violation';

describe('uniqueViolation', () => {
  it('names the constraint of a unique violation, as TypeORM or pg raise it', () => {
    const pg = Object.assign(new Error('dup'), { code: '23505', constraint: 'applicants_nik_key' });
    expect(uniqueViolation(pg)).toBe('applicants_nik_key');
    expect(uniqueViolation({ driverError: pg })).toBe('applicants_nik_key');
  });

  it('answers undefined for any other error', () => {
    expect(uniqueViolation(Object.assign(new Error('x'), { code: '23503' }))).toBeUndefined();
    expect(uniqueViolation(new Error('x'))).toBeUndefined();
    expect(uniqueViolation(undefined)).toBeUndefined();
  });
});
