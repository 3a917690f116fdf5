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

const FACTS = sql`
  application_id AS "applicationId", tracking_no AS "trackingNo", agency_code AS "agencyCode",
  agency_time_zone AS "agencyTimeZone", service_code AS "serviceCode", channel,
  applicant_id AS "applicantId", business_id AS "businessId",
  submitted_by_client AS "submittedByClient", bundle_case_id AS "bundleCaseId",
  step_key AS "stepKey", submitted_at AS "submittedAt"`;

const VIEW = sql`${FACTS}, status, sequence, changed_at AS "changedAt", deadline,
  started_at AS "startedAt", budget_days AS "budgetDays", at_risk_from AS "atRiskFrom",
  completed_at AS "completedAt", revisions, completion_days AS "completionDays",
  within_standard AS "withinStandard"`;

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
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${applicationId}, 7))`);
    const [before] = await tx.query<CaseView>(
      sql`SELECT ${VIEW} FROM case_views WHERE application_id = ${applicationId}`,
    );
    let start = before;
    if (!start) {
      const [facts] = await tx.query<CaseFacts>(
        sql`SELECT ${FACTS} FROM applications WHERE application_id = ${applicationId}`,
      );
      if (!facts) return undefined;
      start = caseView(facts);
    }
    const steps = await tx.query<CaseStep>(sql`
      SELECT sequence, status, occurred_at AS "occurredAt", deadline
        FROM timeline_entries
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
