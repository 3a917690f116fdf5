import { createHash } from 'node:crypto';
import type { TransitionDraft } from './workflow';

/** The `previousHash` of a case's first record: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** What `nextRecord` needs besides the record before it: a decided transition, when, and on what. */
export interface RecordDraft extends TransitionDraft {
  applicationId: string;
  /** When, ISO 8601 with the agency's offset (`toZonedIso`). */
  at: string;
  /** The case's deadline after this transition, in the same form; absent while none runs. */
  deadline?: string;
}

/** A transition as the case's history keeps it: one row, append-only, chained to the one before. */
export interface CaseRecord extends RecordDraft {
  /** 1, 2, 3… per application; the published event carries it too. */
  sequence: number;
  /** The `hash` of the record before, or GENESIS_HASH for the first. */
  previousHash: string;
  /** SHA-256, lower-case hex, of the canonical form of everything else. */
  hash: string;
}

const FORMAT = 'satupintu.case-record.v1';

/**
 * The canonical form: a JSON array in a fixed order, absent optional fields as null, times as
 * the UTC instant (so a row read back from a `timestamptz` column hashes the same; an edit that
 * moves the instant still changes the hash). JSON.stringify escapes strings one way only, and an
 * array has no key order to disagree on. The format tag lets a later scheme coexist.
 */
export function canonicalRecord(record: Omit<CaseRecord, 'hash'>): string {
  return JSON.stringify([
    FORMAT,
    record.applicationId,
    record.sequence,
    record.from,
    record.to,
    record.action,
    record.actor.kind,
    record.actor.subject ?? null,
    record.actor.role ?? null,
    record.reason ?? null,
    record.requirements ?? null,
    instant(record.at),
    record.deadline === undefined ? null : instant(record.deadline),
    record.previousHash,
  ]);
}

export function hashRecord(record: Omit<CaseRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalRecord(record), 'utf8').digest('hex');
}

function instant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 time: ${iso}`);
  return new Date(ms).toISOString();
}

/**
 * The record that follows `previous` (undefined for a case's first). Refuses a draft that does not
 * continue the case (another application, or a `from` that is not where the case stands): that
 * is a bug in the caller, not a request to answer.
 */
export function nextRecord(previous: CaseRecord | undefined, draft: RecordDraft): CaseRecord {
  if (previous && previous.applicationId !== draft.applicationId)
    throw new Error(
      `record for ${draft.applicationId} cannot follow one of ${previous.applicationId}`,
    );
  if (previous && previous.to !== draft.from)
    throw new Error(`a case in ${previous.to} cannot move from ${draft.from}`);
  const content: Omit<CaseRecord, 'hash'> = {
    applicationId: draft.applicationId,
    sequence: previous ? previous.sequence + 1 : 1,
    from: draft.from,
    to: draft.to,
    action: draft.action,
    actor: { ...draft.actor },
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    ...(draft.requirements !== undefined ? { requirements: [...draft.requirements] } : {}),
    at: draft.at,
    ...(draft.deadline !== undefined ? { deadline: draft.deadline } : {}),
    previousHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...content, hash: hashRecord(content) };
}

export type ChainProblem =
  /** The record's content does not hash to its `hash`: it was edited (or its hash was). */
  | 'hash_mismatch'
  /** Its `previousHash` is not the hash of the record before it: one before it was replaced. */
  | 'previous_hash_mismatch'
  /** A sequence number is missing here: the record(s) before it were deleted. */
  | 'sequence_gap'
  /** The expected sequence number comes later: records are out of order. */
  | 'sequence_out_of_order'
  /** This sequence number appeared already. */
  | 'sequence_repeated'
  /** It belongs to another application. */
  | 'application_mismatch'
  /** Its `from` is not the `to` of the record before it. */
  | 'status_discontinuity';

export type ChainCheck =
  | { ok: true; length: number; lastSequence: number; lastHash: string }
  | {
      ok: false;
      problem: ChainProblem;
      /** The sequence number the record at `position` holds. */
      sequence: number;
      /** The sequence number expected there. */
      expectedSequence: number;
      /** Its index in the list checked. */
      position: number;
    };

/**
 * Checks a case's records, in the order they were read (by sequence), and names the first broken
 * link. An edited record fails its own hash; a deleted one leaves a gap in the sequence (or, if
 * the later ones were renumbered, a `previousHash` that matches nothing); a repeated or swapped
 * one breaks the sequence. What a chain cannot show is a cut tail: the last records deleted leave
 * a shorter, valid chain. The published events carry the sequence, so comparing the last sequence
 * another service saw (tracking) with the agency's finds that.
 */
export function verifyChain(records: readonly CaseRecord[]): ChainCheck {
  const seen = new Set<number>();
  for (const [position, record] of records.entries()) {
    const expectedSequence = position + 1;
    const broken = (problem: ChainProblem): ChainCheck => ({
      ok: false,
      problem,
      sequence: record.sequence,
      expectedSequence,
      position,
    });
    if (hashOrUndefined(record) !== record.hash) return broken('hash_mismatch');
    const previous = position > 0 ? records[position - 1] : undefined;
    if (record.sequence !== expectedSequence) {
      if (seen.has(record.sequence)) return broken('sequence_repeated');
      const laterOn = records.slice(position + 1).some((r) => r.sequence === expectedSequence);
      return broken(laterOn ? 'sequence_out_of_order' : 'sequence_gap');
    }
    seen.add(record.sequence);
    if (record.previousHash !== (previous ? previous.hash : GENESIS_HASH))
      return broken('previous_hash_mismatch');
    if (previous && record.applicationId !== previous.applicationId)
      return broken('application_mismatch');
    if (previous && record.from !== previous.to) return broken('status_discontinuity');
  }
  const last = records[records.length - 1];
  return last
    ? { ok: true, length: records.length, lastSequence: last.sequence, lastHash: last.hash }
    : { ok: true, length: 0, lastSequence: 0, lastHash: GENESIS_HASH };
}

/** A record whose time no longer parses was edited: a mismatch, not a crash of the check. */
function hashOrUndefined(record: CaseRecord): string | undefined {
  try {
    return hashRecord(record);
  } catch {
    return undefined;
  }
}
