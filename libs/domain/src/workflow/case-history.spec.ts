import { createHash } from 'node:crypto';
import {
  canonicalRecord,
  type CaseRecord,
  GENESIS_HASH,
  hashRecord,
  nextRecord,
  type RecordDraft,
  verifyChain,
} from './case-history';
import { decideTransition, type TransitionDraft } from './workflow';

const APPLICATION = '0b5c2a3e-6f1d-4c8e-9a57-2d4e6f8a1b3c';
const OTHER_APPLICATION = '7d9e1f20-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

const verifier = { kind: 'officer', subject: 'officer-7', role: 'VERIFIER' } as const;
const approver = { kind: 'officer', subject: 'officer-9', role: 'APPROVER' } as const;

/** A case walked from receipt to issue, with a revision and a payment on the way. */
const PATH: (TransitionDraft & { at: string; deadline?: string })[] = [
  {
    from: 'SUBMITTED',
    to: 'VERIFYING',
    action: 'START_VERIFICATION',
    actor: { kind: 'system' },
    at: '2026-03-02T10:00:00.000+07:00',
    deadline: '2026-03-06T00:00:00.000+07:00',
  },
  {
    from: 'VERIFYING',
    to: 'NEEDS_REVISION',
    action: 'REQUEST_REVISION',
    actor: verifier,
    reason: 'Foto KTP buram',
    requirements: ['KTP', 'alamat'],
    at: '2026-03-03T11:00:00.000+07:00',
  },
  {
    from: 'NEEDS_REVISION',
    to: 'VERIFYING',
    action: 'RESUBMIT',
    actor: { kind: 'applicant', subject: 'applicant-1' },
    at: '2026-03-09T09:00:00.000+07:00',
    deadline: '2026-03-12T00:00:00.000+07:00',
  },
  {
    from: 'VERIFYING',
    to: 'AWAITING_PAYMENT',
    action: 'COMPLETE_VERIFICATION',
    actor: verifier,
    at: '2026-03-10T08:30:00.000+07:00',
  },
  {
    from: 'AWAITING_PAYMENT',
    to: 'IN_REVIEW',
    action: 'CONFIRM_PAYMENT',
    actor: { kind: 'system' },
    at: '2026-03-10T14:05:00.000+07:00',
    deadline: '2026-03-13T00:00:00.000+07:00',
  },
  {
    from: 'IN_REVIEW',
    to: 'APPROVED',
    action: 'APPROVE',
    actor: approver,
    reason: 'Lengkap',
    at: '2026-03-11T09:15:00.000+07:00',
    deadline: '2026-03-13T00:00:00.000+07:00',
  },
  {
    from: 'APPROVED',
    to: 'ISSUED',
    action: 'ISSUE',
    actor: { kind: 'client', subject: 'dukcapil-simduk', role: 'APPROVER' },
    at: '2026-03-11T09:16:00.000+07:00',
    deadline: '2026-03-13T00:00:00.000+07:00',
  },
];

function chainOf(applicationId: string, steps = PATH): CaseRecord[] {
  const records: CaseRecord[] = [];
  for (const step of steps)
    records.push(nextRecord(records[records.length - 1], { applicationId, ...step }));
  return records;
}

const clone = (records: readonly CaseRecord[]) => structuredClone(records) as CaseRecord[];

/** Rewrites a record's hash as a careful editor would, after changing its content. */
const rehash = (record: CaseRecord): CaseRecord => ({ ...record, hash: hashRecord(record) });

describe('nextRecord', () => {
  const chain = chainOf(APPLICATION);

  it('numbers the records of a case 1, 2, 3… and chains each to the one before', () => {
    expect(chain.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(chain[0].previousHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    for (let i = 1; i < chain.length; i += 1) expect(chain[i].previousHash).toBe(chain[i - 1].hash);
  });

  it('keeps what the draft says, optional fields only when given', () => {
    expect(chain[1]).toEqual({
      applicationId: APPLICATION,
      sequence: 2,
      ...PATH[1],
      previousHash: chain[0].hash,
      hash: chain[1].hash,
    });
    expect(Object.keys(chain[0])).not.toContain('reason');
    expect(Object.keys(chain[0])).not.toContain('requirements');
    expect(Object.keys(chain[1])).not.toContain('deadline');
  });

  it('hashes with SHA-256 over the canonical form, which is pinned: stored chains depend on it', () => {
    expect(canonicalRecord(chain[1])).toBe(
      JSON.stringify([
        'satupintu.case-record.v1',
        APPLICATION,
        2,
        'VERIFYING',
        'NEEDS_REVISION',
        'REQUEST_REVISION',
        'officer',
        'officer-7',
        'VERIFIER',
        'Foto KTP buram',
        ['KTP', 'alamat'],
        '2026-03-03T04:00:00.000Z',
        null,
        chain[0].hash,
      ]),
    );
    for (const record of chain)
      expect(record.hash).toBe(
        createHash('sha256').update(canonicalRecord(record), 'utf8').digest('hex'),
      );
    expect(chain[0].hash).toBe('f0cb7ac955fd88ca39d40424c47017796f293b1028b9f700fc2c86508e687950');
  });

  it('gives two cases with the same steps different chains', () => {
    const other = chainOf(OTHER_APPLICATION);
    other.forEach((record, i) => expect(record.hash).not.toBe(chain[i].hash));
  });

  it('does not share the draft’s arrays or actor with the record', () => {
    const draft: RecordDraft = {
      applicationId: APPLICATION,
      ...PATH[1],
      actor: { ...verifier },
      requirements: ['KTP'],
    };
    const record = nextRecord(chain[0], draft);
    draft.requirements!.push('alamat');
    draft.actor.subject = 'someone-else';
    expect(record.requirements).toEqual(['KTP']);
    expect(record.actor.subject).toBe('officer-7');
    expect(verifyChain([chain[0], record])).toMatchObject({ ok: true });
  });

  it('records what decideTransition decided', () => {
    const decision = decideTransition(
      'IN_REVIEW',
      'REJECT',
      {
        kind: 'officer',
        subject: 'officer-9',
        roles: ['APPROVER'],
        agency: 'DUKCAPIL',
        scopes: [],
      },
      { agencyCode: 'DUKCAPIL', reason: 'Dokumen palsu' },
    );
    if (!decision.ok) throw new Error('refused');
    const record = nextRecord(chain[4], {
      ...decision.draft,
      applicationId: APPLICATION,
      at: '2026-03-11T09:15:00.000+07:00',
    });
    expect(record).toMatchObject({
      sequence: 6,
      from: 'IN_REVIEW',
      to: 'REJECTED',
      action: 'REJECT',
      actor: { kind: 'officer', subject: 'officer-9', role: 'APPROVER' },
      reason: 'Dokumen palsu',
    });
    expect(verifyChain([...chain.slice(0, 5), record])).toMatchObject({ ok: true, length: 6 });
  });

  it('refuses a draft of another case, or one that does not start where the case stands', () => {
    expect(() => nextRecord(chain[0], { applicationId: OTHER_APPLICATION, ...PATH[1] })).toThrow(
      'cannot follow',
    );
    expect(() => nextRecord(chain[1], { applicationId: APPLICATION, ...PATH[3] })).toThrow(
      'a case in NEEDS_REVISION cannot move from VERIFYING',
    );
  });

  it('refuses a time that is not ISO 8601', () => {
    expect(() =>
      nextRecord(undefined, { applicationId: APPLICATION, ...PATH[0], at: 'yesterday' }),
    ).toThrow(RangeError);
  });
});

describe('verifyChain', () => {
  const chain = chainOf(APPLICATION);
  const broken = (problem: string, position: number, sequence = position + 1) => ({
    ok: false,
    problem,
    sequence,
    expectedSequence: position + 1,
    position,
  });

  it('accepts an intact chain, and says where it ends', () => {
    expect(verifyChain(chain)).toEqual({
      ok: true,
      length: 7,
      lastSequence: 7,
      lastHash: chain[6].hash,
    });
  });

  it('accepts an empty history', () => {
    expect(verifyChain([])).toEqual({
      ok: true,
      length: 0,
      lastSequence: 0,
      lastHash: GENESIS_HASH,
    });
  });

  it('hashes the instant, not how it is written: a time read back in another offset still verifies', () => {
    const readBack = clone(chain).map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      ...(r.deadline ? { deadline: new Date(r.deadline).toISOString() } : {}),
    }));
    expect(verifyChain(readBack)).toMatchObject({ ok: true });
  });

  /** Every way to edit one field of a record. */
  const EDITS: [string, (r: CaseRecord) => void][] = [
    ['applicationId', (r) => (r.applicationId = OTHER_APPLICATION)],
    ['sequence', (r) => (r.sequence += 10)],
    ['from', (r) => (r.from = r.from === 'IN_REVIEW' ? 'VERIFYING' : 'IN_REVIEW')],
    ['to', (r) => (r.to = r.to === 'REJECTED' ? 'WITHDRAWN' : 'REJECTED')],
    ['action', (r) => (r.action = r.action === 'REJECT' ? 'APPROVE' : 'REJECT')],
    ['actor.kind', (r) => (r.actor.kind = r.actor.kind === 'officer' ? 'system' : 'officer')],
    ['actor.subject', (r) => (r.actor.subject = `${r.actor.subject ?? ''}x`)],
    [
      'actor.subject removed',
      (r) => (r.actor.subject ? delete r.actor.subject : (r.actor.subject = 'x')),
    ],
    ['actor.role', (r) => (r.actor.role = r.actor.role === 'APPROVER' ? 'VERIFIER' : 'APPROVER')],
    ['reason', (r) => (r.reason = `${r.reason ?? ''}.`)],
    ['reason removed', (r) => (r.reason ? delete r.reason : (r.reason = 'x'))],
    ['requirements', (r) => (r.requirements = [...(r.requirements ?? []), 'KK_LAMA'])],
    [
      'requirements reordered',
      (r) => (r.requirements = r.requirements ? [...r.requirements].reverse() : []),
    ],
    ['at', (r) => (r.at = r.at.replace('+07:00', '+08:00'))],
    ['deadline', (r) => (r.deadline = '2027-01-01T00:00:00.000+07:00')],
    ['deadline removed', (r) => (r.deadline ? delete r.deadline : (r.deadline = r.at))],
    [
      'previousHash',
      (r) => (r.previousHash = r.previousHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))),
    ],
    ['hash', (r) => (r.hash = r.hash.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')))],
    ['at unreadable', (r) => (r.at = 'not a time')],
  ];

  describe.each(EDITS)('an edit of %s', (_field, edit) => {
    it.each(chain.map((_, i) => i))('in record %i is found at that record', (position) => {
      const edited = clone(chain);
      edit(edited[position]);
      expect(verifyChain(edited)).toEqual(
        broken('hash_mismatch', position, edited[position].sequence),
      );
    });
  });

  it.each(chain.slice(0, -1).map((_, i) => i))(
    'an edited record %i whose hash was recomputed breaks the link to the next one',
    (position) => {
      const edited = clone(chain);
      edited[position] = rehash({ ...edited[position], reason: 'disetujui' });
      expect(verifyChain(edited)).toEqual(broken('previous_hash_mismatch', position + 1));
    },
  );

  it('cannot see an edit of the last record whose hash was recomputed (nor a cut tail)', () => {
    const edited = clone(chain);
    edited[6] = rehash({ ...edited[6], actor: { kind: 'system' } });
    expect(verifyChain(edited)).toMatchObject({ ok: true });
  });

  it.each(chain.slice(0, -1).map((_, i) => i))(
    'a deleted record %i leaves a gap in the sequence',
    (position) => {
      const cut = chain.filter((_, i) => i !== position);
      expect(verifyChain(cut)).toEqual(broken('sequence_gap', position, position + 2));
    },
  );

  it.each(chain.slice(0, -1).map((_, i) => i))(
    'a deleted record %i, the later ones renumbered and rehashed, breaks the link',
    (position) => {
      const cut = chain
        .filter((_, i) => i !== position)
        .map((r, i) => (i < position ? r : rehash({ ...r, sequence: i + 1 })));
      expect(verifyChain(cut)).toEqual(broken('previous_hash_mismatch', position));
    },
  );

  it.each([1, 2, 3, 4, 5, 6, 7])(
    'a cut tail (the last %i records deleted) is not visible in the chain: the sequence is',
    (deleted) => {
      const cut = chain.slice(0, chain.length - deleted);
      // What detects it: tracking saw sequence 7 in the published events, the agency ends earlier.
      expect(verifyChain(cut)).toMatchObject({ ok: true, lastSequence: 7 - deleted });
    },
  );

  const pairs = chain.flatMap((_, i) =>
    chain.map((_, j) => [i, j] as const).filter(([, j]) => j > i),
  );

  it.each(pairs)('two records swapped (%i and %i) are out of order', (i, j) => {
    const swapped = clone(chain);
    [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
    expect(verifyChain(swapped)).toEqual(broken('sequence_out_of_order', i, j + 1));
  });

  it.each(pairs)(
    'two records that swapped sequence numbers (%i and %i) fail their hashes',
    (i, j) => {
      const swapped = clone(chain);
      [swapped[i].sequence, swapped[j].sequence] = [swapped[j].sequence, swapped[i].sequence];
      swapped.sort((a, b) => a.sequence - b.sequence);
      expect(verifyChain(swapped)).toEqual(broken('hash_mismatch', i, i + 1));
    },
  );

  it.each(chain.map((_, i) => i))('a repeated record %i is found where it repeats', (position) => {
    const repeated = [
      ...chain.slice(0, position + 1),
      chain[position],
      ...chain.slice(position + 1),
    ];
    expect(verifyChain(repeated)).toEqual(broken('sequence_repeated', position + 1, position + 1));
  });

  it('finds a record of another case put in the chain', () => {
    const intruder = rehash({ ...chain[1], applicationId: OTHER_APPLICATION });
    expect(verifyChain([chain[0], intruder])).toEqual(broken('application_mismatch', 1));
  });

  it('finds a record that does not start where the one before ended', () => {
    const jump = rehash({ ...chain[1], from: 'IN_REVIEW', to: 'APPROVED', action: 'APPROVE' });
    expect(verifyChain([chain[0], jump])).toEqual(broken('status_discontinuity', 1));
  });

  it('finds a first record that does not start from the genesis hash', () => {
    const first = rehash({ ...chain[0], previousHash: chain[6].hash });
    expect(verifyChain([first])).toEqual(broken('previous_hash_mismatch', 0));
  });
});
