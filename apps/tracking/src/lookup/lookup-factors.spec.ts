import { birthDateOf, factorMac, factorMatches, offeredFactor } from './lookup-factors';

const key = Buffer.alloc(32, 3);
const siti = '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b';
const budi = '0b7e4a2c-1d3f-4e5a-8b9c-0d1e2f3a4b5c';

describe('the lookup’s second factors', () => {
  const stored = factorMac(key, 'birth-date', siti, '1990-06-05');

  it('match the owner’s own value only', () => {
    const offered = { kind: 'birth-date' as const, value: '1990-06-05' };
    expect(factorMatches(key, offered, siti, stored)).toBe(true);
    expect(factorMatches(key, { ...offered, value: '1990-06-06' }, siti, stored)).toBe(false);
    // The same date is another value for someone else: a MAC is bound to its owner.
    expect(factorMatches(key, offered, budi, stored)).toBe(false);
    expect(factorMatches(Buffer.alloc(32, 4), offered, siti, stored)).toBe(false);
  });

  it('match nothing where the case, its owner or the owner’s factor is unknown', () => {
    const offered = { kind: 'birth-date' as const, value: '1990-06-05' };
    expect(factorMatches(key, offered, undefined, undefined)).toBe(false);
    expect(factorMatches(key, offered, null, stored)).toBe(false);
    expect(factorMatches(key, offered, siti, null)).toBe(false);
    expect(factorMatches(key, offered, siti, Buffer.alloc(31))).toBe(false);
  });

  it('keep a NIB apart from a birth date', () => {
    const nib = factorMac(key, 'nib', siti, '9120001234567');
    expect(factorMatches(key, { kind: 'nib', value: '9120001234567' }, siti, nib)).toBe(true);
    expect(factorMatches(key, { kind: 'birth-date', value: '9120001234567' }, siti, nib)).toBe(
      false,
    );
  });

  it('read the day of a birth date the profile gives as a time', () => {
    expect(birthDateOf('1990-06-05')).toBe('1990-06-05');
    expect(birthDateOf('1990-06-05T00:00:00.000Z')).toBe('1990-06-05');
  });

  it('take exactly one factor', () => {
    expect(offeredFactor({ birthDate: '1990-06-05' })).toEqual({
      kind: 'birth-date',
      value: '1990-06-05',
    });
    expect(offeredFactor({ nib: '9120001234567' })).toEqual({
      kind: 'nib',
      value: '9120001234567',
    });
    expect(offeredFactor({})).toBeUndefined();
    expect(offeredFactor({ birthDate: '1990-06-05', nib: '9120001234567' })).toBeUndefined();
  });
});
