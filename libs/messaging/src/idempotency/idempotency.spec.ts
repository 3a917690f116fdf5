import { ANONYMOUS, SYSTEM, type Principal } from '@satupintu/contracts';
import { compile, sql } from '@satupintu/persistence';
import { domainErrorOf } from '@satupintu/testing';
import {
  callerScopeOf,
  canonicalJson,
  completionOf,
  fingerprintOf,
  replayOf,
  type IdempotencyClaim,
} from './idempotency';

describe('canonicalJson', () => {
  it('writes objects with their keys in order, at every depth, arrays as they are', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('leaves out undefined fields as JSON does, and writes undefined in arrays as null', () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
  });

  it('escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ 'a"b': 'c\n' })).toBe('{"a\\"b":"c\\n"}');
  });
});

describe('fingerprintOf', () => {
  it('is the same for the same request, whatever the order of its fields', () => {
    expect(fingerprintOf('op', { a: 1, b: { c: 2, d: 3 } })).toBe(
      fingerprintOf('op', { b: { d: 3, c: 2 }, a: 1 }),
    );
    expect(fingerprintOf('op', {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another payload or another operation', () => {
    const one = fingerprintOf('op', { a: 1 });
    expect(fingerprintOf('op', { a: 2 })).not.toBe(one);
    expect(fingerprintOf('other', { a: 1 })).not.toBe(one);
  });
});

describe('callerScopeOf', () => {
  it.each([
    [{ kind: 'applicant', subject: 'a-1', roles: [], scopes: [] }, 'applicant:a-1'],
    [
      { kind: 'officer', subject: 'o-1', roles: ['FRONT_DESK'], agency: 'PUPR', scopes: [] },
      'officer:o-1',
    ],
    [
      { kind: 'client', subject: 'c-1', clientId: 'oss-portal', roles: [], scopes: [] },
      'client:oss-portal',
    ],
  ] as [Principal, string][])('scopes %o by kind and who', (principal, scope) => {
    expect(callerScopeOf(principal)).toBe(scope);
  });

  it('gives an anonymous caller no scope: its key would be anyone’s', () => {
    expect(callerScopeOf(ANONYMOUS)).toBeUndefined();
  });

  it('scopes an anonymous caller by what the service derives, apart from every principal', () => {
    expect(callerScopeOf(ANONYMOUS, 'nik:5f3a')).toBe('anonymous:nik:5f3a');
    expect(callerScopeOf(ANONYMOUS, '')).toBeUndefined();
  });

  it('keeps a principal’s own scope whatever the service derives', () => {
    const officer: Principal = { kind: 'officer', subject: 'o-1', roles: [], scopes: [] };
    expect(callerScopeOf(officer, 'nik:5f3a')).toBe('officer:o-1');
  });

  it('scopes the system as a caller of its own', () => {
    expect(callerScopeOf(SYSTEM)).toBe('system');
  });
});

describe('replayOf', () => {
  const fingerprint = fingerprintOf('op', { a: 1 });

  it('replays the answer of the same request, completed', () => {
    expect(
      replayOf({ fingerprint, status: 'completed', response: { id: 7 } }, fingerprint),
    ).toEqual({ response: { id: 7 } });
  });

  // Through a promise, as the handler meets it.
  const refusalOf = (recorded: Parameters<typeof replayOf>[0]) =>
    domainErrorOf(Promise.resolve().then(() => replayOf(recorded, fingerprint)));

  it('refuses another request under the key (422), completed or not', async () => {
    for (const status of ['completed', 'in_flight'] as const) {
      const error = await refusalOf({ fingerprint: 'other', status, response: null });
      expect([error.code, error.status]).toEqual(['idempotency_key_reused', 422]);
    }
  });

  it('answers 409 while the same request is still at work', async () => {
    const error = await refusalOf({ fingerprint, status: 'in_flight', response: null });
    expect([error.code, error.status]).toEqual(['idempotency_key_in_flight', 409]);
  });
});

describe('completionOf', () => {
  const claim: IdempotencyClaim = {
    caller: 'officer:o-1',
    operation: 'op',
    key: 'key-12345',
    fingerprint: 'f',
    attempt: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
    completed: false,
  };

  it('completes only this attempt’s claim, and otherwise inserts the key again to fail', () => {
    const { text, values } = compile(
      sql`WITH ${completionOf(claim, { trackingNo: 'K7M39QX2C' }, sql`TRUE`)} SELECT 1`,
    );
    expect(text).toMatch(
      /UPDATE idempotency_keys .* AND attempt = \$\d+ AND status = 'in_flight'/s,
    );
    expect(text).toMatch(
      /INSERT INTO idempotency_keys.*NOT EXISTS \(SELECT 1 FROM key_completed\)/s,
    );
    expect(values).toContain('{"trackingNo":"K7M39QX2C"}');
    expect(values).toContain(claim.attempt);
  });

  it('records the answer as the claim seals it, never as it is', () => {
    const sealed: IdempotencyClaim = {
      ...claim,
      seal: (response) => ({ ...(response as object), secret: { sealed: 'c2VhbGVk' } }),
    };
    const { values } = compile(
      sql`WITH ${completionOf(sealed, { clientId: 'kiosk', secret: 'sps_plain' }, sql`TRUE`)} SELECT 1`,
    );
    expect(values).toContain('{"clientId":"kiosk","secret":{"sealed":"c2VhbGVk"}}');
    expect(JSON.stringify(values)).not.toContain('sps_plain');
  });

  it("records fields the creating statement computes, set by SQL over the statement's rows", () => {
    const { text, values } = compile(
      sql`WITH ${completionOf(claim, { code: 'ANT1' }, sql`TRUE`, { ticketNo: sql`(SELECT no FROM state)` })} SELECT 1`,
    );
    expect(text).toMatch(
      /response = \(\$\d+::jsonb \|\| jsonb_build_object\(\$\d+::text, \(SELECT no FROM state\)\)\)/,
    );
    expect(values).toEqual(expect.arrayContaining(['{"code":"ANT1"}', 'ticketNo']));
  });

  it('refuses to leave part of a sealed answer to SQL: it is sealed whole', () => {
    const sealed: IdempotencyClaim = { ...claim, seal: (response) => response };
    expect(() =>
      completionOf(sealed, { code: 'ANT1' }, sql`TRUE`, { ticketNo: sql`'B-001'` }),
    ).toThrow('a sealed answer cannot have fields the statement computes');
  });
});
