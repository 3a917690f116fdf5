import { DomainError } from '@satupintu/common';
import { MAX_EVENT_ID, lastEventIdFrom } from './live-events.request';

describe('the Last-Event-ID header', () => {
  it('is the sequence the client has, or none', () => {
    expect(lastEventIdFrom('0')).toBe(0);
    expect(lastEventIdFrom('17')).toBe(17);
    expect(lastEventIdFrom(String(MAX_EVENT_ID))).toBe(MAX_EVENT_ID);
    expect(lastEventIdFrom(undefined)).toBeUndefined();
    expect(lastEventIdFrom('')).toBeUndefined();
  });

  it.each(['abc', '-1', '1.5', ' 1', String(MAX_EVENT_ID + 1), '99999999999'])(
    'refuses %p as no event id of ours (400)',
    (value) => {
      let refused: unknown;
      try {
        lastEventIdFrom(value);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({
        status: 400,
        errors: [{ field: 'Last-Event-ID', code: 'must_be_integer_between' }],
      });
    },
  );
});
