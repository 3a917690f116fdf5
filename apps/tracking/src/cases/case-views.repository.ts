import { Injectable } from '@nestjs/common';
import { sql, type Executor } from '@satupintu/persistence';
import {
  caseView,
  foldCase,
  type CaseFacts,
  type CaseRules,
  type CaseStep,
  type CaseView,
} from './case-view';

/** What the fold starts from, selected from `applications` as `CaseFacts`. */
export const CASE_FACTS = sql`
  application_id AS "applicationId", tracking_no AS "trackingNo", agency_code AS "agencyCode",
  agency_time_zone AS "agencyTimeZone", service_code AS "serviceCode", channel,
  applicant_id AS "applicantId", business_id AS "businessId",
  submitted_by_client AS "submittedByClient", bundle_case_id AS "bundleCaseId",
  step_key AS "stepKey", submitted_at AS "submittedAt"`;

const VIEW = sql`${CASE_FACTS}, status, sequence, changed_at AS "changedAt", deadline,
  started_at AS "startedAt", budget_days AS "budgetDays", at_risk_from AS "atRiskFrom",
  completed_at AS "completedAt", revisions, completion_days AS "completionDays",
  within_standard AS "withinStandard"`;

/** A status change, selected from `timeline_entries` as a `CaseStep`. */
export const CASE_STEP = sql`sequence, status, occurred_at AS "occurredAt", deadline`;

/**
 * Every write to `case_views` holds this lock shared, in its transaction; the rebuild holds it
 * exclusively while it catches up and swaps its table in, so no write is lost between the two.
 * The two-key form: its own space, apart from the single-key per-application locks.
 */
const CASE_VIEWS_KEY = sql`hashtext('satupintu:tracking:case-views'), 0`;
export const HOLD_CASE_VIEWS_WRITES = sql`SELECT pg_advisory_xact_lock(${CASE_VIEWS_KEY})`;

/** The columns of a `case_views` row, in the order `viewValues` gives them. */
export const CASE_VIEW_COLUMNS = sql`application_id, tracking_no, agency_code, agency_time_zone,
  service_code, channel, applicant_id, business_id, submitted_by_client, bundle_case_id,
  step_key, submitted_at, status, sequence, changed_at, deadline, started_at, budget_days,
  at_risk_from, completed_at, revisions, completion_days, within_standard`;

export function viewValues(v: CaseView) {
  return sql`(${v.applicationId}, ${v.trackingNo}, ${v.agencyCode}, ${v.agencyTimeZone},
    ${v.serviceCode}, ${v.channel}, ${v.applicantId}, ${v.businessId}, ${v.submittedByClient},
    ${v.bundleCaseId}, ${v.stepKey}, ${v.submittedAt}, ${v.status}, ${v.sequence}, ${v.changedAt},
    ${v.deadline}, ${v.startedAt}, ${v.budgetDays}, ${v.atRiskFrom}, ${v.completedAt},
    ${v.revisions}, ${v.completionDays}, ${v.withinStandard})`;
}

/** The `case_views` read model, kept up to date within each event's transaction. */
@Injectable()
export class CaseViewsRepository {
  /**
   * Locks the case, and the read model against a rebuild's swap, until the transaction ends. An
   * event's transaction calls it before it records anything: the rebuild relies on every entry
   * being recorded under this lock (rebuild/case-views-rebuild.ts). Taken again, it is held once.
   */
  async lock(tx: Executor, applicationId: string): Promise<void> {
    await tx.query(sql`
      SELECT pg_advisory_xact_lock_shared(${CASE_VIEWS_KEY}),
             pg_advisory_xact_lock(hashtextextended(${applicationId}, 7))`);
  }

  /**
   * Folds what is new for one case into its row. Called after its submission or a status change
   * was recorded, in that transaction. The two arrive on separate streams, possibly at once, so
   * the case is locked first (an advisory lock on its id) and each sees what the other wrote.
   * Returns the view before and after, or undefined while the submission is not yet known.
   */
  async project(
    tx: Executor,
    applicationId: string,
    rules: CaseRules,
  ): Promise<{ before: CaseView | undefined; after: CaseView } | undefined> {
    await this.lock(tx, applicationId);
    const [before] = await tx.query<CaseView>(
      sql`SELECT ${VIEW} FROM case_views WHERE application_id = ${applicationId}`,
    );
    let start = before;
    if (!start) {
      const [facts] = await tx.query<CaseFacts>(
        sql`SELECT ${CASE_FACTS} FROM applications WHERE application_id = ${applicationId}`,
      );
      if (!facts) return undefined;
      start = caseView(facts);
    }
    const steps = await tx.query<CaseStep>(sql`
      SELECT ${CASE_STEP} FROM timeline_entries
       WHERE application_id = ${applicationId} AND sequence > ${start.sequence}
       ORDER BY sequence`);
    const after = foldCase(start, steps, rules);
    if (before && after.sequence === before.sequence) return { before, after: before };
    await tx.execute(sql`
      INSERT INTO case_views (${CASE_VIEW_COLUMNS}) VALUES ${viewValues(after)}
      ON CONFLICT (application_id) DO UPDATE SET
        status = EXCLUDED.status, sequence = EXCLUDED.sequence, changed_at = EXCLUDED.changed_at,
        deadline = EXCLUDED.deadline, started_at = EXCLUDED.started_at,
        budget_days = EXCLUDED.budget_days, at_risk_from = EXCLUDED.at_risk_from,
        completed_at = EXCLUDED.completed_at, revisions = EXCLUDED.revisions,
        completion_days = EXCLUDED.completion_days, within_standard = EXCLUDED.within_standard`);
    return { before, after };
  }
}
