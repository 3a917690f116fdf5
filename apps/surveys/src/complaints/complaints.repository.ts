import { Injectable } from '@nestjs/common';
import type { ComplaintEscalationStage, ComplaintStatusV1 } from '@satupintu/contracts';
import { executorOf, joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { ComplaintRecord, ComplaintStepRecord } from './complaint-record';

/** The answering round: 2 after the reporter's dispute. */
const ROUND = sql`CASE WHEN complaints.due_what = 'ANSWER' AND complaints.disputed_at IS NOT NULL THEN 2 ELSE 1 END`;

const SELECT_COMPLAINT = sql`
  SELECT id, complaint_no AS "complaintNo", follow_secret_sha256 AS "followSecretSha256", kind,
         status, subject_kind AS "subjectKind", tracking_no AS "trackingNo",
         service_code AS "serviceCode", application_id AS "applicationId",
         bundle_case_id AS "bundleCaseId", step_key AS "stepKey", agency_code AS "agencyCode",
         time_zone AS "timeZone", reporter_id AS "reporterId", contact_email AS "contactEmail",
         contact_phone AS "contactPhone", text, submitted_at AS "submittedAt",
         routed_at AS "routedAt", answer_round_from AS "answerRoundFrom",
         answered_at AS "answeredAt", first_answered_at AS "firstAnsweredAt",
         disputed_at AS "disputedAt", closed_at AS "closedAt", route_due_at AS "routeDueAt",
         first_answer_due_at AS "firstAnswerDueAt", answer_working_days AS "answerWorkingDays",
         due_what AS "dueWhat", due_at AS "dueAt", calendar_versions AS "calendarVersions"
    FROM complaints`;

export interface NewStep {
  step: ComplaintStepRecord['step'];
  at: Date;
  text?: string;
  stage?: ComplaintEscalationStage;
  actorKind: string;
  actorId?: string;
}

export interface ComplaintQuery {
  agencyCode?: string;
  status?: ComplaintStatusV1;
  /** Only those the mall has routed (what an agency sees). */
  routedOnly?: boolean;
  /** Strictly before this (submitted_at, id), the latest first. */
  before?: { submittedAt: string; id: string };
  limit: number;
}

export interface EscalationQuery {
  agencyCode?: string;
  before?: { escalatedAt: string; complaintId: string; stage: string };
  limit: number;
}

export interface ListedEscalation {
  complaintId: string;
  complaintNo: string;
  agencyCode: string;
  timeZone: string;
  stage: ComplaintEscalationStage;
  deadline: Date;
  escalatedAt: Date;
  status: ComplaintStatusV1;
}

export interface RaisedEscalation {
  complaintId: string;
  complaintNo: string;
  agencyCode: string;
  timeZone: string;
  stage: ComplaintEscalationStage;
  deadline: Date;
  escalatedAt: Date;
}

export interface FiguresRow {
  agencyCode: string;
  received: number;
  routedOnTime: number;
  answeredOnTime: number;
  escalated: number;
  medianAnswerWorkingDays: number | null;
}

/** Every query on `complaints`, `complaint_steps` and `complaint_escalations`. */
@Injectable()
export class ComplaintsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  static async insert(tx: Executor, record: ComplaintRecord): Promise<void> {
    await tx.execute(sql`
      INSERT INTO complaints (id, complaint_no, follow_secret_sha256, kind, status, subject_kind,
        tracking_no, service_code, application_id, bundle_case_id, step_key, agency_code,
        time_zone, reporter_id, contact_email, contact_phone, text, submitted_at, route_due_at,
        due_what, due_at, calendar_versions)
      VALUES (${record.id}, ${record.complaintNo}, ${record.followSecretSha256}, ${record.kind},
        ${record.status}, ${record.subjectKind}, ${record.trackingNo}, ${record.serviceCode},
        ${record.applicationId}, ${record.bundleCaseId}, ${record.stepKey}, ${record.agencyCode},
        ${record.timeZone}, ${record.reporterId}, ${record.contactEmail}, ${record.contactPhone},
        ${record.text}, ${record.submittedAt}, ${record.routeDueAt}, ${record.dueWhat},
        ${record.dueAt}, ${record.calendarVersions})`);
  }

  /** Whether a number is taken (a new one is drawn then). */
  static async numberTaken(tx: Executor, complaintNo: string): Promise<boolean> {
    const rows = await tx.query(sql`SELECT 1 FROM complaints WHERE complaint_no = ${complaintNo}`);
    return rows.length > 0;
  }

  /** The complaint, locked for a change when `tx` is given. */
  static async lock(tx: Executor, complaintNo: string): Promise<ComplaintRecord | undefined> {
    const rows = await tx.query<ComplaintRecord>(
      sql`${SELECT_COMPLAINT} WHERE complaint_no = ${complaintNo} FOR UPDATE`,
    );
    return rows[0];
  }

  find(complaintNo: string): Promise<ComplaintRecord | undefined> {
    return this.db
      .query<ComplaintRecord>(sql`${SELECT_COMPLAINT} WHERE complaint_no = ${complaintNo}`)
      .then((rows) => rows[0]);
  }

  static steps(db: Executor, complaintId: string): Promise<ComplaintStepRecord[]> {
    return db.query<ComplaintStepRecord>(sql`
      SELECT step, at, text, stage FROM complaint_steps
       WHERE complaint_id = ${complaintId} ORDER BY position`);
  }

  stepsOf(complaintId: string): Promise<ComplaintStepRecord[]> {
    return ComplaintsRepository.steps(this.db, complaintId);
  }

  /**
   * Appends a step and answers its position; the complaint's row is locked by the caller, so
   * positions do not race.
   */
  static async addStep(tx: Executor, complaintId: string, step: NewStep): Promise<number> {
    const [added] = await tx.query<{ position: number }>(sql`
      INSERT INTO complaint_steps (complaint_id, position, step, at, text, stage, actor_kind, actor_id)
      SELECT ${complaintId}, coalesce(max(position), 0) + 1, ${step.step}, ${step.at},
             ${step.text ?? null}, ${step.stage ?? null}, ${step.actorKind}, ${step.actorId ?? null}
        FROM complaint_steps WHERE complaint_id = ${complaintId}
      RETURNING position`);
    return added.position;
  }

  /** A complaint and one of its steps. */
  static async stepAt(
    db: Executor,
    complaintId: string,
    position: number,
  ): Promise<{ record: ComplaintRecord; step: ComplaintStepRecord } | undefined> {
    const [record] = await db.query<ComplaintRecord>(
      sql`${SELECT_COMPLAINT} WHERE id = ${complaintId}`,
    );
    const [step] = await db.query<ComplaintStepRecord>(sql`
      SELECT step, at, text, stage FROM complaint_steps
       WHERE complaint_id = ${complaintId} AND position = ${position}`);
    return record && step ? { record, step } : undefined;
  }

  /** Writes the state and deadline columns of a changed complaint. */
  static async update(tx: Executor, record: ComplaintRecord): Promise<void> {
    await tx.execute(sql`
      UPDATE complaints
         SET status = ${record.status}, routed_at = ${record.routedAt},
             answer_round_from = ${record.answerRoundFrom}, answered_at = ${record.answeredAt},
             first_answered_at = ${record.firstAnsweredAt}, disputed_at = ${record.disputedAt},
             closed_at = ${record.closedAt}, route_due_at = ${record.routeDueAt},
             first_answer_due_at = ${record.firstAnswerDueAt},
             answer_working_days = ${record.answerWorkingDays}, due_what = ${record.dueWhat},
             due_at = ${record.dueAt}, calendar_versions = ${record.calendarVersions}
       WHERE id = ${record.id}`);
  }

  /** Open complaints whose deadlines were counted on another calendar; locked, others skipped. */
  static countedOnAnotherCalendar(
    tx: Executor,
    stamp: string,
    limit: number,
  ): Promise<ComplaintRecord[]> {
    return tx.query<ComplaintRecord>(sql`${SELECT_COMPLAINT}
       WHERE status <> 'CLOSED' AND calendar_versions <> ${stamp}
       ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  }

  /** Open complaints whose current deadline has passed (the partial index's); locked. */
  static duePassed(
    tx: Executor,
    what: 'ESCALATE' | 'CLOSE',
    limit: number,
  ): Promise<ComplaintRecord[]> {
    const which =
      what === 'CLOSE'
        ? sql`due_what = 'CLOSE'`
        : sql`due_what IN ('ROUTE', 'ANSWER') AND NOT EXISTS (
              SELECT 1 FROM complaint_escalations e
               WHERE e.complaint_id = complaints.id AND e.stage = complaints.due_what
                 AND e.round = ${ROUND})`;
    return tx.query<ComplaintRecord>(sql`${SELECT_COMPLAINT}
       WHERE status <> 'CLOSED' AND due_at <= now() AND ${which}
       ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  }

  /**
   * Records the escalation of a missed deadline; answers it when this transaction recorded it
   * (the primary key refuses a second, from a replica or a run before a restart).
   */
  static async escalate(
    tx: Executor,
    record: ComplaintRecord,
    stage: ComplaintEscalationStage,
    deadline: Date,
  ): Promise<RaisedEscalation | undefined> {
    const rows = await tx.query<{ escalatedAt: Date }>(sql`
      INSERT INTO complaint_escalations (complaint_id, stage, round, deadline, agency_code,
                                         escalated_at)
      VALUES (${record.id}, ${stage}, ${stage === 'ANSWER' && record.disputedAt ? 2 : 1},
              ${deadline}, ${record.agencyCode},
              date_trunc('milliseconds', now()))
      ON CONFLICT DO NOTHING
      RETURNING escalated_at AS "escalatedAt"`);
    const [row] = rows;
    return row
      ? {
          complaintId: record.id,
          complaintNo: record.complaintNo,
          agencyCode: record.agencyCode,
          timeZone: record.timeZone,
          stage,
          deadline,
          escalatedAt: row.escalatedAt,
        }
      : undefined;
  }

  list(query: ComplaintQuery): Promise<ComplaintRecord[]> {
    const conditions: Sql[] = [sql`TRUE`];
    if (query.agencyCode) conditions.push(sql`agency_code = ${query.agencyCode}`);
    if (query.status) conditions.push(sql`status = ${query.status}`);
    if (query.routedOnly) conditions.push(sql`status <> 'SUBMITTED'`);
    if (query.before)
      conditions.push(
        sql`(submitted_at, id) < (${query.before.submittedAt}::timestamptz, ${query.before.id}::uuid)`,
      );
    return this.db.query<ComplaintRecord>(sql`${SELECT_COMPLAINT}
       WHERE ${joinSql(conditions, sql` AND `)}
       ORDER BY submitted_at DESC, id DESC LIMIT ${query.limit}`);
  }

  escalations(query: EscalationQuery): Promise<ListedEscalation[]> {
    const conditions: Sql[] = [sql`TRUE`];
    if (query.agencyCode) conditions.push(sql`e.agency_code = ${query.agencyCode}`);
    if (query.before)
      conditions.push(
        sql`(e.escalated_at, e.complaint_id, e.stage) < (${query.before.escalatedAt}::timestamptz, ${query.before.complaintId}::uuid, ${query.before.stage})`,
      );
    return this.db.query<ListedEscalation>(sql`
      SELECT e.complaint_id AS "complaintId", c.complaint_no AS "complaintNo",
             e.agency_code AS "agencyCode", c.time_zone AS "timeZone", e.stage, e.deadline,
             e.escalated_at AS "escalatedAt", c.status
        FROM complaint_escalations e JOIN complaints c ON c.id = e.complaint_id
       WHERE ${joinSql(conditions, sql` AND `)}
       ORDER BY e.escalated_at DESC, e.complaint_id DESC, e.stage DESC
       LIMIT ${query.limit}`);
  }

  /**
   * Complaint handling per agency, over the complaints submitted from `from` to before `to`
   * (dates in each complaint's agency's zone), in one aggregate: on time is before the deadline
   * (a deadline is the midnight that ends its last working day); the median of the working days
   * the first answer took, counted when it was given.
   */
  figures(from: string, to: string, agencyCode: string | undefined): Promise<FiguresRow[]> {
    return this.db.query<FiguresRow>(sql`
      SELECT c.agency_code AS "agencyCode",
             count(*)::int AS received,
             count(*) FILTER (WHERE c.routed_at < c.route_due_at)::int AS "routedOnTime",
             count(*) FILTER (WHERE c.first_answered_at < c.first_answer_due_at)::int
               AS "answeredOnTime",
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_escalations e
                                             WHERE e.complaint_id = c.id))::int AS escalated,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY c.answer_working_days)
               AS "medianAnswerWorkingDays"
        FROM complaints c
       WHERE (c.submitted_at AT TIME ZONE c.time_zone) >= ${from}::date
         AND (c.submitted_at AT TIME ZONE c.time_zone) < ${to}::date
         AND (${agencyCode ?? null}::text IS NULL OR c.agency_code = ${agencyCode ?? null})
       GROUP BY c.agency_code
       ORDER BY c.agency_code`);
  }
}
