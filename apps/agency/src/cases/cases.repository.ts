import {
  ApplicationStatusChanged,
  type ApplicationStatusChangedV1,
  type ServiceStandardContentV1,
} from '@satupintu/contracts';
import type { CaseRecord, WorkflowAction } from '@satupintu/domain';
import type { Transaction } from '@satupintu/messaging';
import type { WorkingDayCalendarProvider } from '@satupintu/platform';
import { type Executor, type Sql, sql } from '@satupintu/persistence';
import type { CaseOutputs } from './case-outputs';
import { type ServiceTerms, termsOf } from './case-records';
import type { CaseToCheck } from './check-history';
import type { NewCase } from './receive-application';
import type { CaseFacts } from '../rules/agency-rules';
import type { LockedCase, MoveCasePorts } from './transition-case';

interface RecordRow {
  applicationId: string;
  sequence: number;
  from: CaseRecord['from'];
  to: CaseRecord['to'];
  action: WorkflowAction;
  actorKind: CaseRecord['actor']['kind'];
  actorSubject: string | null;
  actorRole: NonNullable<CaseRecord['actor']['role']> | null;
  reason: string | null;
  requirements: string[] | null;
  at: Date;
  deadline: Date | null;
  previousHash: string;
  hash: string;
}

const RECORD_COLUMNS = sql`application_id AS "applicationId", sequence, from_status AS "from",
  to_status AS "to", action, actor_kind AS "actorKind", actor_subject AS "actorSubject",
  actor_role AS "actorRole", reason, requirements, at, deadline,
  previous_hash AS "previousHash", hash`;

/** A row as the chain knows it: what is NULL is absent, times are instants (the hash's form). */
export function recordOfRow(row: RecordRow): CaseRecord {
  return {
    applicationId: row.applicationId,
    sequence: row.sequence,
    from: row.from,
    to: row.to,
    action: row.action,
    actor: {
      kind: row.actorKind,
      ...(row.actorSubject !== null ? { subject: row.actorSubject } : {}),
      ...(row.actorRole !== null ? { role: row.actorRole } : {}),
    },
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.requirements !== null ? { requirements: row.requirements } : {}),
    at: row.at.toISOString(),
    ...(row.deadline !== null ? { deadline: row.deadline.toISOString() } : {}),
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

async function appendRecord(tx: Transaction, record: CaseRecord): Promise<void> {
  await tx.execute(sql`
    INSERT INTO case_history (application_id, sequence, from_status, to_status, action,
      actor_kind, actor_subject, actor_role, reason, requirements, at, deadline, previous_hash, hash)
    VALUES (${record.applicationId}, ${record.sequence}, ${record.from}, ${record.to},
      ${record.action}, ${record.actor.kind}, ${record.actor.subject ?? null},
      ${record.actor.role ?? null}, ${record.reason ?? null},
      ${record.requirements ? JSON.stringify(record.requirements) : null}::jsonb, ${record.at},
      ${record.deadline ?? null}, ${record.previousHash}, ${record.hash})`);
}

const LOCKED_COLUMNS = sql`application_id AS "applicationId", tracking_no AS "trackingNo",
  service_code AS "serviceCode", status, time_zone AS "timeZone"`;

/** Writes to this agency's cases, inside the transaction of the message or request handled. */
export const CasesRepository = {
  /** The case, its first record and its event; false (nothing written) if it is already there. */
  async addCase(
    tx: Transaction,
    newCase: NewCase,
    record: CaseRecord,
    change: ApplicationStatusChangedV1,
  ): Promise<boolean> {
    const inserted = await tx.query(sql`
      INSERT INTO cases (application_id, tracking_no, service_code, channel, time_zone, status,
        submitted_at, applicant_id, business_id, sequence, deadline)
      VALUES (${newCase.applicationId}, ${newCase.trackingNo}, ${newCase.serviceCode},
        ${newCase.channel}, ${newCase.timeZone}, ${record.to}, ${newCase.submittedAt},
        ${newCase.applicantId ?? null}, ${newCase.businessId ?? null}, ${record.sequence},
        ${record.deadline ?? null})
      ON CONFLICT (application_id) DO NOTHING
      RETURNING 1`);
    if (inserted.length === 0) return false;
    await appendRecord(tx, record);
    tx.publish(ApplicationStatusChanged, change);
    return true;
  },

  async lockCase(
    tx: Transaction,
    by: { trackingNo?: string; applicationId?: string },
  ): Promise<LockedCase | undefined> {
    return caseBy(tx, by, sql`FOR UPDATE`);
  },

  /** The case as it stands, unlocked: what to ask other services for before locking it. */
  async findCase(
    db: Executor,
    by: { trackingNo?: string; applicationId?: string },
  ): Promise<LockedCase | undefined> {
    return caseBy(db, by, sql``);
  },

  async history(db: Executor, applicationId: string): Promise<CaseRecord[]> {
    const rows = await db.query<RecordRow>(sql`
      SELECT ${RECORD_COLUMNS} FROM case_history
       WHERE application_id = ${applicationId} ORDER BY sequence`);
    return rows.map(recordOfRow);
  },

  /** A page of cases, by application id, each with its records: what the history check reads. */
  async casesToCheck(
    db: Executor,
    after: string | undefined,
    limit: number,
  ): Promise<CaseToCheck[]> {
    const cases = await db.query<Omit<CaseToCheck, 'records'>>(sql`
      SELECT application_id AS "applicationId", tracking_no AS "trackingNo", sequence
        FROM cases
       WHERE ${after ?? null}::uuid IS NULL OR application_id > ${after ?? null}::uuid
       ORDER BY application_id
       LIMIT ${limit}`);
    if (cases.length === 0) return [];
    // Read after the rows: a transition committed in between makes a chain longer, never shorter.
    const rows = await db.query<RecordRow>(sql`
      SELECT ${RECORD_COLUMNS} FROM case_history
       WHERE application_id = ANY(${cases.map((c) => c.applicationId)}::uuid[])
       ORDER BY application_id, sequence`);
    const records = new Map<string, CaseRecord[]>();
    for (const row of rows) {
      const list = records.get(row.applicationId) ?? [];
      list.push(recordOfRow(row));
      records.set(row.applicationId, list);
    }
    return cases.map((c) => ({ ...c, records: records.get(c.applicationId) ?? [] }));
  },

  /**
   * Whom a case is for, for the agency's rules: the applicant is registered when the case names
   * one by id (identity holds an account for the NIK); the business as the agency's copy of its
   * profile says, once that copy has reached it.
   */
  async parties(
    db: Executor,
    applicationId: string,
  ): Promise<Pick<CaseFacts, 'applicant' | 'business'>> {
    const [row] = await db.query<{
      applicantId: string | null;
      nib: string | null;
      kbli: string[] | null;
    }>(sql`
      SELECT c.applicant_id AS "applicantId", b.nib, b.kbli
        FROM cases c LEFT JOIN businesses b ON b.id = c.business_id AND b.version > 0
       WHERE c.application_id = ${applicationId}`);
    return {
      ...(row?.applicantId ? { applicant: { registered: true as const } } : {}),
      ...(row?.nib ? { business: { nib: row.nib, kbli: row.kbli ?? [] } } : {}),
    };
  },

  async terms(db: Executor, serviceCode: string): Promise<ServiceTerms | undefined> {
    const [row] = await db.query<{ standard: ServiceStandardContentV1 }>(sql`
      SELECT standard FROM service_standards WHERE code = ${serviceCode}`);
    return row ? termsOf(row.standard) : undefined;
  },

  /**
   * The record appended, the case moved to it, the change published. The case is locked; its
   * status and sequence are checked anyway, so a record never lands on a case that moved. A
   * change that issued an output is handed to `outputs` instead, which publishes it once the
   * output's PDF is delivered.
   */
  async moveCase(
    tx: Transaction,
    record: CaseRecord,
    change: ApplicationStatusChangedV1,
    outputs: Pick<CaseOutputs, 'defer'>,
  ): Promise<void> {
    const moved = await tx.query(sql`
      UPDATE cases SET status = ${record.to}, sequence = ${record.sequence},
             deadline = ${record.deadline ?? null}, updated_at = ${record.at},
             changed_xid = pg_current_xact_id()
       WHERE application_id = ${record.applicationId} AND status = ${record.from}
         AND sequence = ${record.sequence - 1}
      RETURNING 1`);
    if (moved.length === 0)
      throw new Error(
        `case ${record.applicationId} is not at ${record.from} #${record.sequence - 1}: its history and its row disagree`,
      );
    await appendRecord(tx, record);
    const { output } = change;
    if (output) await outputs.defer(tx, { ...change, output });
    else tx.publish(ApplicationStatusChanged, change);
  },
};

/** How a case moves, inside the transaction of the message or request handled. */
async function caseBy(
  db: Executor,
  by: { trackingNo?: string; applicationId?: string },
  lock: Sql,
): Promise<LockedCase | undefined> {
  const [row] = by.applicationId
    ? await db.query<LockedCase>(sql`
        SELECT ${LOCKED_COLUMNS} FROM cases WHERE application_id = ${by.applicationId} ${lock}`)
    : await db.query<LockedCase>(sql`
        SELECT ${LOCKED_COLUMNS} FROM cases WHERE tracking_no = ${by.trackingNo ?? null} ${lock}`);
  return row;
}

export function movePortsOf(
  tx: Transaction,
  calendar: WorkingDayCalendarProvider,
  outputs: CaseOutputs,
): MoveCasePorts {
  return {
    history: (applicationId) => CasesRepository.history(tx, applicationId),
    terms: (serviceCode) => CasesRepository.terms(tx, serviceCode),
    parties: (applicationId) => CasesRepository.parties(tx, applicationId),
    calendar: () => calendar.calendar(),
    now: () => new Date(),
    issueOutput: (locked, record, issuedBy) => outputs.issue(tx, locked, record, issuedBy),
    moveCase: (record, change) => CasesRepository.moveCase(tx, record, change, outputs),
  };
}
