import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('carries its code as message and DomainError as name', () => {
    const error = new DomainError('bad_request', 400);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('bad_request');
    expect(error.name).toBe('DomainError');
    expect(error.errors).toEqual([]);
    expect(error.params).toEqual({});
  });

  it('is validation_failed with 400 by default for validation problems', () => {
    const errors = [{ field: 'a', code: 'required' }];
    const error = DomainError.validation(errors);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.errors).toEqual(errors);
  });

  it('is unprocessable for validation problems with status 422', () => {
    const error = DomainError.validation([{ field: 'a', code: 'nik_region' }], 422);
    expect(error.code).toBe('unprocessable');
    expect(error.status).toBe(422);
  });

  it('serializes to a plain object marked as a domain error', () => {
    const error = new DomainError('payload_too_large', 413, [{ field: 'f', code: 'c' }], {
      limit: 10,
    });
    expect(error.serialize()).toEqual({
      kind: 'domain-error',
      code: 'payload_too_large',
      status: 413,
      params: { limit: 10 },
      errors: [{ field: 'f', code: 'c' }],
    });
  });

  it('survives a trip through JSON, as over NATS', () => {
    const error = new DomainError(
      'unprocessable',
      422,
      [{ field: 'serviceCode', code: 'unknown_service', params: { serviceCode: 'X' } }],
      { a: 1 },
    );
    const wire: unknown = JSON.parse(JSON.stringify(error.serialize()));
    expect(DomainError.isSerialized(wire)).toBe(true);
    if (!DomainError.isSerialized(wire)) return;
    const back = DomainError.fromSerialized(wire);
    expect(back).toBeInstanceOf(DomainError);
    expect(back.code).toBe(error.code);
    expect(back.status).toBe(error.status);
    expect(back.errors).toEqual(error.errors);
    expect(back.params).toEqual(error.params);
  });

  it('fills in empty errors and params when the serialized form has none', () => {
    const back = DomainError.fromSerialized({
      kind: 'domain-error',
      code: 'bad_request',
      status: 400,
    });
    expect(back.errors).toEqual([]);
    expect(back.params).toEqual({});
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'domain-error'],
    ['a number', 400],
    ['an object of another kind', { kind: 'other', code: 'bad_request', status: 400 }],
    ['an object without kind', { code: 'bad_request', status: 400 }],
    ['a non-string code', { kind: 'domain-error', code: 1, status: 400 }],
    ['a string status', { kind: 'domain-error', code: 'bad_request', status: '400' }],
    ['a missing status', { kind: 'domain-error', code: 'bad_request' }],
    ['an Error', new Error('domain-error')],
  ])('does not take %s for a serialized domain error', (_label, value) => {
    expect(DomainError.isSerialized(value)).toBe(false);
  });

  it('recognizes a minimal serialized domain error', () => {
    expect(DomainError.isSerialized({ kind: 'domain-error', code: 'x', status: 500 })).toBe(true);
  });
});
