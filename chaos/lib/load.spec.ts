import { plannedApplication } from './applicants';
import {
  type Answer,
  type Sent,
  describeFailures,
  failureOf,
  sampleFailures,
  servedBetween,
} from './load';

const receipt = { applicationId: 'a', trackingNo: 'T' };
const at = (sentAt: number, answer?: Answer): Sent => ({
  sentAt,
  planned: plannedApplication(sentAt),
  answer,
  ...(answer === 201 ? { receipt } : {}),
});

describe('servedBetween', () => {
  const sent = [at(0, 503), at(100, 201), at(200, 201), at(300, 201), at(400, undefined)];

  it('is true when every request sent in the window was answered 201', () => {
    expect(servedBetween(sent, 100, 300, 3)).toBe(true);
  });

  it('is false when one of them failed', () => {
    expect(servedBetween(sent, 0, 300, 1)).toBe(false);
  });

  it('is false while one of them is still in flight', () => {
    expect(servedBetween(sent, 100, 400, 1)).toBe(false);
  });

  it('is false with fewer requests than asked for: nothing sent proves nothing', () => {
    expect(servedBetween(sent, 100, 300, 4)).toBe(false);
    expect(servedBetween([], 0, 1000, 1)).toBe(false);
  });
});

describe('describeFailures', () => {
  it('counts every answer but a 201 receipt, most frequent first', () => {
    const sent = [
      at(1, 201),
      at(2, 503),
      at(3, 'refused'),
      at(4, 503),
      at(5, 'timeout'),
      { ...at(6, 201), receipt: undefined },
    ];
    expect(describeFailures(sent)).toBe('503×2, 201 without a receipt×1, refused×1, timeout×1');
  });

  it('is 0 when everything was acknowledged', () => {
    expect(describeFailures([at(1, 201)])).toBe('0');
  });
});

describe('failureOf', () => {
  it('tells a timeout, a refused connection and a reset apart', () => {
    expect(failureOf(new DOMException('t', 'TimeoutError'))).toBe('timeout');
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(failureOf(refused)).toBe('refused');
    const reset = new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } });
    expect(failureOf(reset)).toBe('reset');
    expect(failureOf(new Error('else'))).toBe('network error');
  });
});

describe('sampleFailures', () => {
  it('keeps what the client was told the first time of each kind', () => {
    const sent = [
      at(1, 201),
      { ...at(2, 503), detail: '{"code":"service_unavailable"}' },
      { ...at(3, 503), detail: 'second' },
      { ...at(4, 'refused'), detail: 'connect ECONNREFUSED 127.0.0.1:3000' },
    ];
    expect(sampleFailures(sent)).toEqual([
      '503: {"code":"service_unavailable"}',
      'refused: connect ECONNREFUSED 127.0.0.1:3000',
    ]);
  });
});
