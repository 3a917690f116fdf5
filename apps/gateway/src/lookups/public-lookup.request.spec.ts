import type { DomainError } from '@satupintu/common';
import { toPublicLookupV1 } from './public-lookup.request';

describe('the public lookup’s question', () => {
  it('takes a typed number with one factor, as the contract’s canonical number', () => {
    expect(toPublicLookupV1({ trackingNo: 'k7m3-9qx2-c', birthDate: '1990-06-05' })).toEqual({
      trackingNo: 'K7M39QX2C',
      birthDate: '1990-06-05',
    });
    expect(toPublicLookupV1({ trackingNo: 'K7M39QX2C', nib: '9120001234567' })).toEqual({
      trackingNo: 'K7M39QX2C',
      nib: '9120001234567',
    });
  });

  it('refuses a number with one symbol wrong by its check symbol', () => {
    expect(() => toPublicLookupV1({ trackingNo: 'K7M39QX2D', birthDate: '1990-06-05' })).toThrow(
      expect.objectContaining({ code: 'invalid_tracking_number', status: 400 }) as DomainError,
    );
  });

  it.each([
    ['neither factor', {}],
    ['both factors', { birthDate: '1990-06-05', nib: '9120001234567' }],
  ])('refuses %s', (_case, factors) => {
    expect(() => toPublicLookupV1({ trackingNo: 'K7M39QX2C', ...factors })).toThrow(
      expect.objectContaining({
        status: 400,
        errors: [{ field: 'birthDate', code: 'one_lookup_factor' }],
      }) as DomainError,
    );
  });
});
