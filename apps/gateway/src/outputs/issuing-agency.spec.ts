import { DomainError } from '@satupintu/common';
import { askIssuingAgency, type AgencyDirectory } from './issuing-agency';

const noResponders = new DomainError('service_unavailable', 503, [], {
  service: 'NOPE',
  retryAfterSeconds: 5,
});
const messagingDown = new DomainError('service_unavailable', 503, [], {
  service: 'DUKCAPIL',
  retryAfterSeconds: 5,
  cause: 'messaging',
});
const notFound = () =>
  new DomainError('output_not_found', 404, [], { documentNo: 'X-2026-000001' });

function directory(answer: boolean | undefined): AgencyDirectory & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    has: (code) => {
      asked.push(code);
      return Promise.resolve(answer);
    },
  };
}

async function outcome(error: DomainError, known: boolean | undefined) {
  const mall = directory(known);
  try {
    await askIssuingAgency('NOPE', () => Promise.reject(error), mall, notFound);
    return { answered: 'nothing', asked: mall.asked };
  } catch (e) {
    return {
      answered: `${(e as DomainError).status} ${(e as DomainError).code}`,
      asked: mall.asked,
    };
  }
}

describe('asking the agency a document number names', () => {
  it('passes the answer on without asking anyone else', async () => {
    const mall = directory(false);
    expect(await askIssuingAgency('DUKCAPIL', () => Promise.resolve(42), mall, notFound)).toBe(42);
    expect(mall.asked).toEqual([]);
  });

  it('is a 404 when nobody answers for an agency the mall does not have', async () => {
    expect(await outcome(noResponders, false)).toEqual({
      answered: '404 output_not_found',
      asked: ['NOPE'],
    });
  });

  it("stays a 503 when the mall's agency is not answering, or nobody can tell", async () => {
    expect((await outcome(noResponders, true)).answered).toBe('503 service_unavailable');
    expect((await outcome(noResponders, undefined)).answered).toBe('503 service_unavailable');
  });

  it('leaves messaging outages, timeouts and refusals as they are, asking no one', async () => {
    const timeout = new DomainError('upstream_timeout', 504, [], { service: 'NOPE', timeoutMs: 1 });
    const revoked = new DomainError('output_already_revoked', 409, [], {});
    for (const error of [messagingDown, timeout, revoked]) {
      expect(await outcome(error, false)).toEqual({
        answered: `${error.status} ${error.code}`,
        asked: [],
      });
    }
  });
});
