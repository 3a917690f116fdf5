import { BodyValidationPipe, DomainError } from '@satupintu/common';
import { PublicLookupV1 } from '@satupintu/contracts';
import { publicLookupOf } from './public-lookup.payload';

/** What the pipe the `RequestServer`'s handlers get made of the payload: the instance, or its refusal. */
async function byThePipe(payload: unknown): Promise<unknown> {
  try {
    const instance = await new BodyValidationPipe().transform(payload, {
      type: 'body',
      metatype: PublicLookupV1,
    });
    return { ...(instance as object) };
  } catch (error) {
    return (error as DomainError).serialize();
  }
}

function byHand(payload: unknown): unknown {
  try {
    return publicLookupOf(payload);
  } catch (error) {
    return (error as DomainError).serialize();
  }
}

describe('the public lookup’s payload, checked by hand', () => {
  const long = `x${'y'.repeat(80)}`;
  it.each([
    [{ trackingNo: 'K7M39QX2C', birthDate: '1990-06-05' }],
    [{ trackingNo: 'K7M39QX2C', nib: '9120001234567' }],
    [{ trackingNo: 'K7M39QX2C', birthDate: '1990-06-05', nib: '9120001234567' }],
    [{ trackingNo: 'K7M39QX2C' }],
    [{ trackingNo: 'K7M39QX2C', birthDate: null }],
    [{ trackingNo: 'K7M39QX2C', birthDate: undefined, nib: '9120001234567' }],
    [{ trackingNo: 'k7m39qx2c', birthDate: '1990-06-05' }],
    [{ trackingNo: 'K7M3-9QX2-C', birthDate: '1990-06-05' }],
    [{ trackingNo: 'K7M39QX2C\n', birthDate: '1990-06-05' }],
    [{ birthDate: '1990-06-05' }],
    [{ trackingNo: 123456789, birthDate: '1990-06-05' }],
    [{ trackingNo: 'K7M39QX2C', birthDate: '05-06-1990' }],
    [{ trackingNo: 'K7M39QX2C', birthDate: 19900605 }],
    [{ trackingNo: 'K7M39QX2C', nib: '912000123456' }],
    [{ trackingNo: 'K7M39QX2C', nib: ['9120001234567'] }],
    [{ trackingNo: 'K7M39QX2C', birthDate: '1990-06-05', name: 'Siti' }],
    [{ [long]: 1, trackingNo: 'K7M39QX2C', nib: 'x', birthDate: 1 }],
    [{}],
  ])('refuses and accepts exactly what the pipe does: %o', async (payload) => {
    expect(byHand(payload)).toEqual(await byThePipe(payload));
  });

  it.each([[null], ['K7M39QX2C'], [42], [['K7M39QX2C']]])(
    'refuses a payload that is not an object: %o',
    (payload) => {
      expect(byHand(payload)).toEqual(
        DomainError.validation([{ field: '(body)', code: 'must_be_body_object' }]).serialize(),
      );
    },
  );

  it('keeps only the contract’s fields', () => {
    const lookup = publicLookupOf({ trackingNo: 'K7M39QX2C', birthDate: '1990-06-05' });
    expect(Object.keys(lookup)).toEqual(['trackingNo', 'birthDate']);
  });
});
