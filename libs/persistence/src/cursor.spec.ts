import { decodeCursor, encodeCursor } from './cursor';

describe('cursors', () => {
  it('decode to the key they were made from', () => {
    const cursor = encodeCursor(['2026-11-23T03:00:00.000Z', 'b3c1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor<[string, string]>(cursor, ['string', 'string'])).toEqual([
      '2026-11-23T03:00:00.000Z',
      'b3c1',
    ]);
    expect(decodeCursor<[number, string]>(encodeCursor([7, 'x']), ['number', 'string'])).toEqual([
      7,
      'x',
    ]);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['another arity', encodeCursor(['a'])],
    ['other types', encodeCursor([1, 2])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['an overlong part', encodeCursor(['x'.repeat(201), 'y'])],
  ])('refuse %s', (_label, cursor) => {
    expect(decodeCursor<[string, string]>(cursor, ['string', 'string'])).toBeUndefined();
  });
});
