import { Injectable } from '@nestjs/common';
import type { Status } from '@satupintu/contracts';
import { preparedQuery, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { FactorKind } from './lookup-factors';
import { LookupBatches } from './lookup-batches';
import type { PublicCase } from './public-timeline';

/** A case as the lookup reads it, with the owner its factor belongs to and that factor's HMAC. */
export interface LookedUpCase extends PublicCase {
  ownerId: string | null;
  factorMac: Buffer | null;
}

export interface LookupRow {
  trackingNo: string;
  status: Status;
  agencyTimeZone: string;
  submittedAt: Date;
  deadline: Date | null;
  ownerId: string | null;
  factorMac: Buffer | null;
  sequence: number | null;
  entryStatus: Status | null;
  agencyCode: string | null;
  entryTimeZone: string | null;
  occurredAt: Date | null;
}

/**
 * The lookup's one read, for the numbers asked in one turn (`LookupBatches`): each case
 * (case_views by its unique tracking number), the HMAC of its owner's factor of this kind
 * (lookup_factors by its primary key) and its visible entries (timeline_entries by tracking
 * number and sequence), all by index, in one round trip. One text per kind, prepared once per
 * connection (`preparedQuery`): planning it cost PostgreSQL several times its execution.
 * Exported for the bench, which shows its plan on a million cases.
 */
export function lookupQuery(trackingNos: string[], kind: FactorKind): Sql<LookupRow> {
  const owner = kind === 'nib' ? sql`v.business_id` : sql`v.applicant_id`;
  return sql<LookupRow>`
    SELECT v.tracking_no AS "trackingNo", v.status, v.agency_time_zone AS "agencyTimeZone",
           v.submitted_at AS "submittedAt", v.deadline, ${owner} AS "ownerId", f.mac AS "factorMac",
           e.sequence, e.status AS "entryStatus", e.agency_code AS "agencyCode",
           e.agency_time_zone AS "entryTimeZone", e.occurred_at AS "occurredAt"
      FROM case_views v
      LEFT JOIN lookup_factors f ON f.owner_id = ${owner} AND f.kind = ${kind}
      LEFT JOIN timeline_entries e ON e.tracking_no = v.tracking_no AND e.sequence <= v.sequence
     WHERE v.tracking_no = ANY(${trackingNos}::bpchar[])
     ORDER BY v.tracking_no, e.sequence`;
}

/** The rows of `lookupQuery`, one case per tracking number with its entries in order. */
export function casesOf(rows: LookupRow[]): Map<string, LookedUpCase> {
  const cases = new Map<string, LookedUpCase>();
  for (const row of rows) {
    let found = cases.get(row.trackingNo);
    if (!found) {
      found = {
        trackingNo: row.trackingNo,
        status: row.status,
        agencyTimeZone: row.agencyTimeZone,
        submittedAt: row.submittedAt,
        deadline: row.deadline,
        ownerId: row.ownerId,
        factorMac: row.factorMac,
        entries: [],
      };
      cases.set(row.trackingNo, found);
    }
    const { sequence, entryStatus, agencyCode, entryTimeZone, occurredAt } = row;
    if (sequence !== null && entryStatus && agencyCode && entryTimeZone && occurredAt)
      found.entries.push({
        sequence,
        status: entryStatus,
        agencyCode,
        agencyTimeZone: entryTimeZone,
        occurredAt,
      });
  }
  return cases;
}

/** `lookup_factors` (HMACs of second factors, current only) and the lookup's one read. */
@Injectable()
export class LookupRepository {
  private readonly batches: LookupBatches<FactorKind, LookedUpCase>;

  constructor(dataSource: DataSource) {
    this.batches = new LookupBatches(async (numbers, kind) =>
      casesOf(
        await preparedQuery(
          dataSource,
          `tracking-public-lookup-${kind}`,
          lookupQuery(numbers, kind),
        ),
      ),
    );
  }

  /**
   * The case, its visible entries and its owner's factor of this kind (`lookupQuery`), read
   * together with the other lookups of the same turn.
   */
  caseOf(trackingNo: string, kind: FactorKind): Promise<LookedUpCase | undefined> {
    return this.batches.find(trackingNo, kind);
  }

  /** From a profile event, in its transaction: a newer version replaces the value, an older is ignored. */
  static async keepFactor(
    tx: Executor,
    factor: { kind: FactorKind; ownerId: string; mac: Buffer; version: number },
  ): Promise<void> {
    await tx.execute(sql`
      INSERT INTO lookup_factors (owner_id, kind, mac, version)
      VALUES (${factor.ownerId}, ${factor.kind}, ${factor.mac}, ${factor.version})
      ON CONFLICT (owner_id, kind) DO UPDATE SET mac = EXCLUDED.mac, version = EXCLUDED.version
       WHERE lookup_factors.version < EXCLUDED.version`);
  }
}
