import { plannedApplication } from './applicants';
import {
  type Answer,
  type Sent,
  describeFailures,
  describeRetries,
  failureOf,
  firstAnswersOverTime,
  receiptOf,
  sampleFailures,
  servedBetween,
  worthRetrying,
} from './load';

const receipt = { applicationId: 'a', trackingNo: 'T' };
const at = (sentAt: number, answer?: Answer): Sent => ({
  sentAt,
  planned: plannedApplication(sentAt),
  idempotencyKey: `key-${sentAt}`,
  retries: 0,
  firstAnswer: answer,
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

  it('is false for a request that succeeded only on a retry: it was not served when sent', () => {
    const retried: Sent = { ...at(200, 201), firstAnswer: 'timeout', retries: 1 };
    expect(servedBetween([at(100, 201), retried, at(300, 201)], 100, 300, 1)).toBe(false);
  });

  it('is false with fewer requests than asked for: nothing sent proves nothing', () => {
    expect(servedBetween(sent, 100, 300, 4)).toBe(false);
    expect(servedBetween([], 0, 1000, 1)).toBe(false);
  });
});

describe('firstAnswersOverTime', () => {
  it('counts first answers per span from the start, most frequent first, skipping earlier ones', () => {
    const sent = [
      at(500, 503),
      at(1000, 'timeout'),
      at(2000, 'timeout'),
      at(5999, 201),
      at(6000, 201),
      { ...at(7000, 503), retries: 1, answer: 201 as Answer },
      at(16000, 201),
      at(17000),
    ];
    expect(firstAnswersOverTime(sent, 1000)).toBe(
      '0–5 s: timeout×2, 201×1 · 5–10 s: 201×1, 503×1 · 15–20 s: 201×1',
    );
  });

  it('says when nothing was sent in the time asked about', () => {
    expect(firstAnswersOverTime([at(1, 201)], 10)).toBe('none sent');
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

describe('worthRetrying', () => {
  it('retries what may have been stored or may succeed later, and nothing the client must fix', () => {
    for (const answer of [
      'timeout',
      'reset',
      'refused',
      'network error',
      409,
      502,
      503,
      504,
    ] as Answer[])
      expect([answer, worthRetrying(answer)]).toEqual([answer, true]);
    for (const answer of [201, 400, 401, 403, 404, 422, 429, 500] as Answer[])
      expect([answer, worthRetrying(answer)]).toEqual([answer, false]);
  });
});

describe('describeRetries', () => {
  it('counts the requests retried, their retries, and those acknowledged in the end', () => {
    const sent = [
      at(1, 201),
      { ...at(2, 201), firstAnswer: 'timeout' as Answer, retries: 2 },
      { ...at(3, 503), firstAnswer: 503 as Answer, retries: 2 },
    ];
    expect(describeRetries(sent)).toBe('2 retried (4 retries), 1 acknowledged on a retry');
    expect(describeRetries([at(1, 201)])).toBe('0');
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

describe('receiptOf', () => {
  it("takes an application's receipt, and a bundle case's first opened step", () => {
    expect(receiptOf('{"applicationId":"a","trackingNo":"T","status":"SUBMITTED"}')).toEqual({
      applicationId: 'a',
      trackingNo: 'T',
    });
    const bundleCase = {
      bundleCaseId: 'c',
      trackingNo: 'B',
      steps: [
        { key: 'akta', application: { applicationId: 'a', trackingNo: 'T' } },
        { key: 'kk', status: 'WAITING' },
      ],
    };
    expect(receiptOf(JSON.stringify(bundleCase))).toEqual({ applicationId: 'a', trackingNo: 'T' });
  });

  it('is nothing for a body that acknowledges no application', () => {
    expect(receiptOf('{"steps":[{"key":"kk","status":"WAITING"}]}')).toBeUndefined();
    expect(receiptOf('not json')).toBeUndefined();
  });
});
