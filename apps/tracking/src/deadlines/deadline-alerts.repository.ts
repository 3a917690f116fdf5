import { Injectable } from '@nestjs/common';
import type { DeadlineAlertKind } from '@satupintu/contracts';
import { executorOf, joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { AlertQuery, ListedAlert } from './deadline-alerts';

/** A case still running: neither ended nor waiting on the applicant (the partial indexes'). */
const RUNNING = sql`status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN', 'NEEDS_REVISION', 'AWAITING_PAYMENT')`;
const FINAL = sql`('ISSUED', 'REJECTED', 'WITHDRAWN')`;

/** When each kind is due, on a running case: what its partial index is on. */
const DUE: Record<DeadlineAlertKind, Sql> = {
  AT_RISK: sql`at_risk_from IS NOT NULL AND at_risk_from <= now()`,
  OVERDUE: sql`deadline IS NOT NULL AND deadline <= now()`,
};
const DUE_ORDER: Record<DeadlineAlertKind, Sql> = {
  AT_RISK: sql`at_risk_from`,
  OVERDUE: sql`deadline`,
};

/** An alert just raised, with what its event carries. */
export interface RaisedAlert {
  applicationId: string;
  kind: DeadlineAlertKind;
  trackingNo: string;
  agencyCode: string;
  timeZone: string;
  deadline: Date;
  raisedAt: Date;
}

@Injectable()
export class DeadlineAlertsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /**
   * Records up to `limit` alerts of this kind that are due and not yet raised, and answers those
   * this transaction recorded. ON CONFLICT DO NOTHING: another transaction (a replica, a run
   * before a restart) that recorded one first has raised it; this one then answers nothing for
   * it and publishes nothing, so each alert's event is written once, with its row.
   */
  static async raiseDue(
    tx: Executor,
    kind: DeadlineAlertKind,
    limit: number,
  ): Promise<RaisedAlert[]> {
    return tx.query<RaisedAlert>(sql`
      WITH due AS (
        SELECT c.application_id, c.tracking_no, c.agency_code, c.agency_time_zone, c.deadline
          FROM case_views c
         WHERE ${DUE[kind]} AND ${RUNNING}
           AND NOT EXISTS (SELECT 1 FROM deadline_alerts a
                            WHERE a.application_id = c.application_id AND a.kind = ${kind})
         ORDER BY ${DUE_ORDER[kind]}
         LIMIT ${limit}
      ), raised AS (
        -- Milliseconds, as a cursor of the lists carries them.
        INSERT INTO deadline_alerts (application_id, kind, agency_code, deadline, raised_at)
        SELECT application_id, ${kind}, agency_code, deadline, date_trunc('milliseconds', now())
          FROM due
        ON CONFLICT (application_id, kind) DO NOTHING
        RETURNING application_id, kind, raised_at
      )
      SELECT r.application_id AS "applicationId", r.kind, d.tracking_no AS "trackingNo",
             d.agency_code AS "agencyCode", d.agency_time_zone AS "timeZone", d.deadline,
             r.raised_at AS "raisedAt"
        FROM raised r JOIN due d USING (application_id)`);
  }

  /** The alerts asked for, the latest first, with their cases' current status. */
  list(query: AlertQuery): Promise<ListedAlert[]> {
    const conditions: Sql[] = [sql`TRUE`];
    if (query.agencyCode) conditions.push(sql`a.agency_code = ${query.agencyCode}`);
    if (query.kind) conditions.push(sql`a.kind = ${query.kind}`);
    if (query.open === true) conditions.push(sql`c.status NOT IN ${FINAL}`);
    if (query.open === false) conditions.push(sql`c.status IN ${FINAL}`);
    if (query.after)
      conditions.push(
        sql`(a.raised_at, a.application_id, a.kind) < (${query.after.raisedAt}::timestamptz, ${query.after.applicationId}::uuid, ${query.after.kind})`,
      );
    return this.db.query<ListedAlert>(sql`
      SELECT a.application_id AS "applicationId", a.kind, c.tracking_no AS "trackingNo",
             c.service_code AS "serviceCode", a.agency_code AS "agencyCode",
             c.agency_time_zone AS "timeZone", a.deadline, a.raised_at AS "raisedAt", c.status
        FROM deadline_alerts a JOIN case_views c USING (application_id)
       WHERE ${joinSql(conditions, sql` AND `)}
       ORDER BY a.raised_at DESC, a.application_id DESC, a.kind DESC
       LIMIT ${query.limit}`);
  }
}
