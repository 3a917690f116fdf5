import { Injectable } from '@nestjs/common';
import { APPLICATION_STATUSES, isFinalStatus } from '@satupintu/domain';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { AgencyCaseFilters, Before, CaseFilters, CaseListPorts, CaseRow } from './case-lists';

const FINAL_STATUSES = APPLICATION_STATUSES.filter(isFinalStatus);

/** A case's row with the reason and payment of its latest visible entry (the one it folded last). */
const CASE_ROW = sql`
  c.application_id AS "applicationId", c.tracking_no AS "trackingNo",
  c.service_code AS "serviceCode", c.agency_code AS "agencyCode",
  c.agency_time_zone AS "agencyTimeZone", c.channel, c.status, c.submitted_at AS "submittedAt",
  c.changed_at AS "changedAt", c.deadline, c.at_risk_from AS "atRiskFrom", c.revisions,
  c.bundle_case_id AS "bundleCaseId", c.step_key AS "stepKey", e.reason, e.payment`;

const LATEST_ENTRY = sql`
  LEFT JOIN timeline_entries e ON e.application_id = c.application_id AND e.sequence = c.sequence`;

function statusesIn(statuses: readonly string[] | undefined): Sql {
  return statuses ? sql`AND c.status = ANY(${statuses}::text[])` : sql``;
}

function serviceIs(serviceCode: string | undefined): Sql {
  return serviceCode ? sql`AND c.service_code = ${serviceCode}` : sql``;
}

function beforeKey(before: Before | undefined): Sql {
  return before
    ? sql`AND (c.submitted_at, c.application_id) < (${before.submittedAt}::timestamptz, ${before.id}::uuid)`
    : sql``;
}

/** Reads of `case_views` for the applicants' and the agencies' lists; newest first, by keyset. */
@Injectable()
export class CaseListsRepository implements CaseListPorts {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  mine(
    applicantId: string,
    filters: CaseFilters,
    before: Before | undefined,
    limit: number,
  ): Promise<CaseRow[]> {
    const open =
      filters.open === undefined
        ? sql``
        : filters.open
          ? sql`AND c.status <> ALL(${FINAL_STATUSES}::text[])`
          : sql`AND c.status = ANY(${FINAL_STATUSES}::text[])`;
    return this.db.query<CaseRow>(sql`
      SELECT ${CASE_ROW} FROM case_views c ${LATEST_ENTRY}
       WHERE c.applicant_id = ${applicantId} ${statusesIn(filters.statuses)}
             ${serviceIs(filters.serviceCode)} ${open}
             ${beforeKey(before)}
       ORDER BY c.submitted_at DESC, c.application_id DESC
       LIMIT ${limit}`);
  }

  async myBundles(
    applicantId: string,
    before: Before | undefined,
    limit: number,
  ): Promise<{ bundleCaseId: string; startedAt: Date; steps: CaseRow[] }[]> {
    const after = before
      ? sql`HAVING (min(submitted_at), bundle_case_id) < (${before.submittedAt}::timestamptz, ${before.id}::uuid)`
      : sql``;
    const rows = await this.db.query<CaseRow & { startedAt: Date }>(sql`
      WITH bundles AS (
        SELECT bundle_case_id, min(submitted_at) AS started_at
          FROM case_views
         WHERE applicant_id = ${applicantId} AND bundle_case_id IS NOT NULL
         GROUP BY bundle_case_id ${after}
         ORDER BY started_at DESC, bundle_case_id DESC
         LIMIT ${limit})
      SELECT ${CASE_ROW}, b.started_at AS "startedAt"
        FROM bundles b
        JOIN case_views c ON c.bundle_case_id = b.bundle_case_id AND c.applicant_id = ${applicantId}
        ${LATEST_ENTRY}
       ORDER BY b.started_at DESC, b.bundle_case_id DESC, c.submitted_at, c.application_id`);
    const bundles: { bundleCaseId: string; startedAt: Date; steps: CaseRow[] }[] = [];
    for (const { startedAt, ...row } of rows) {
      const current = bundles[bundles.length - 1];
      if (current?.bundleCaseId === row.bundleCaseId) current.steps.push(row);
      else bundles.push({ bundleCaseId: row.bundleCaseId!, startedAt, steps: [row] });
    }
    return bundles;
  }

  ofAgency(
    agencyCode: string,
    filters: AgencyCaseFilters,
    before: Before | undefined,
    limit: number,
  ): Promise<CaseRow[]> {
    // Only a running clock has `at_risk_from` (see caseView): the two never include a paused case.
    const risk =
      filters.risk === 'OVERDUE'
        ? sql`AND c.at_risk_from IS NOT NULL AND c.deadline <= ${filters.now}`
        : filters.risk === 'AT_RISK'
          ? sql`AND c.at_risk_from <= ${filters.now} AND c.deadline > ${filters.now}`
          : sql``;
    return this.db.query<CaseRow>(sql`
      SELECT ${CASE_ROW} FROM case_views c ${LATEST_ENTRY}
       WHERE c.agency_code = ${agencyCode} ${statusesIn(filters.statuses)}
             ${serviceIs(filters.serviceCode)} ${risk}
             ${beforeKey(before)}
       ORDER BY c.submitted_at DESC, c.application_id DESC
       LIMIT ${limit}`);
  }
}
