import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor, type Sql } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { PerformanceNowV1 } from '@satupintu/contracts';
import type { BundleView } from './bundle-view';
import type { DashboardScope } from './dashboard-access';
import type { BundleRow, DecisionRow, PerformanceRows, VolumeRow } from './performance';
import type { PeriodRange } from './periods';

/**
 * An instant as a local time of its own zone falls in `[start, end)` of local dates. The bounds
 * on the instant itself, a day wider than any zone's offset, let an index on it narrow the scan.
 */
function localIn(instant: Sql, zone: Sql, range: PeriodRange): Sql {
  return sql`${instant} >= ${range.start}::timestamp AT TIME ZONE 'UTC' - interval '1 day'
    AND ${instant} < ${range.end}::timestamp AT TIME ZONE 'UTC' + interval '1 day'
    AND (${instant} AT TIME ZONE ${zone}) >= ${range.start}::timestamp
    AND (${instant} AT TIME ZONE ${zone}) < ${range.end}::timestamp`;
}

/** The first local day of the period an instant falls in, in its own zone, as `YYYY-MM-DD`. */
function periodOf(instant: Sql, zone: Sql, range: PeriodRange): Sql {
  return sql`to_char(date_trunc(${range.kind}, ${instant} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;
}

/** The cases of the scope, as a condition on `case_views c`. */
function casesOf(scope: DashboardScope): Sql {
  return sql`${scope.agencyCode ? sql`AND c.agency_code = ${scope.agencyCode}` : sql``}
    ${scope.serviceCode ? sql`AND c.service_code = ${scope.serviceCode}` : sql``}`;
}

/** Not decided nor withdrawn: running, or waiting on the applicant. */
const OPEN = sql`c.status NOT IN ('ISSUED', 'REJECTED', 'WITHDRAWN')`;

/**
 * The dashboards' figures, each measure group one aggregate query over the read model (ADR 0029):
 * periods in each case's own agency's zone, medians and percentiles by PostgreSQL.
 */
@Injectable()
export class DashboardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Reads every group in one snapshot, so `now` and the periods agree with each other. */
  async performance(range: PeriodRange, scope: DashboardScope): Promise<PerformanceRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const tx = executorOf(manager);
      await tx.execute(sql`SET TRANSACTION READ ONLY`);
      const volume = await this.volume(tx, range, scope);
      const decisions = await this.decisions(tx, range, scope);
      const bundles = await this.bundles(tx, range, scope);
      // Only a running clock has `at_risk_from` (caseView): a case waiting on the applicant is
      // neither at risk nor overdue, as in the agency's tracked-cases list.
      const [now] = await tx.query<PerformanceNowV1 & { asOf: Date }>(sql`
          SELECT now() AS "asOf", count(*)::int AS open,
                 count(*) FILTER (WHERE c.at_risk_from <= now() AND c.deadline > now())::int
                   AS "atRisk",
                 count(*) FILTER (WHERE c.at_risk_from IS NOT NULL AND c.deadline <= now())::int
                   AS overdue
            FROM case_views c
           WHERE ${OPEN} ${casesOf(scope)}`);
      const { asOf, ...counts } = now;
      return { volume, decisions, bundles, now: counts, asOf };
    });
  }

  private volume(tx: Executor, range: PeriodRange, scope: DashboardScope): Promise<VolumeRow[]> {
    const zone = sql`c.agency_time_zone`;
    return tx.query<VolumeRow>(sql`
      SELECT ${periodOf(sql`c.submitted_at`, zone, range)} AS period, c.channel,
             count(*)::int AS submitted
        FROM case_views c
       WHERE ${localIn(sql`c.submitted_at`, zone, range)} ${casesOf(scope)}
       GROUP BY 1, 2`);
  }

  /** Decided: ISSUED or REJECTED (a withdrawal is the applicant's, not a decision). */
  private decisions(
    tx: Executor,
    range: PeriodRange,
    scope: DashboardScope,
  ): Promise<DecisionRow[]> {
    const zone = sql`c.agency_time_zone`;
    return tx.query<DecisionRow>(sql`
      SELECT ${periodOf(sql`c.completed_at`, zone, range)} AS period,
             count(*)::int AS decided,
             count(*) FILTER (WHERE c.status = 'REJECTED')::int AS rejected,
             count(*) FILTER (WHERE c.revisions > 0)::int AS revised,
             count(c.within_standard)::int AS "withStandard",
             count(*) FILTER (WHERE c.within_standard)::int AS "withinStandard",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY c.completion_days) AS "medianDays",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY c.completion_days) AS "p90Days",
             (count(*) FILTER (WHERE c.within_standard))::float8
               / nullif(count(c.within_standard), 0) AS "withinStandardShare",
             (count(*) FILTER (WHERE c.revisions > 0))::float8 / count(*) AS "revisionRate",
             (count(*) FILTER (WHERE c.status = 'REJECTED'))::float8 / count(*) AS "rejectionRate"
        FROM case_views c
       WHERE c.status IN ('ISSUED', 'REJECTED')
         AND ${localIn(sql`c.completed_at`, zone, range)} ${casesOf(scope)}
       GROUP BY 1`);
  }

  /** A bundle counts for an agency or a service when one of its steps is theirs. */
  private bundles(tx: Executor, range: PeriodRange, scope: DashboardScope): Promise<BundleRow[]> {
    const zone = sql`b.time_zone`;
    const ofScope =
      scope.agencyCode || scope.serviceCode
        ? sql`AND EXISTS (SELECT 1 FROM case_views c
                WHERE c.bundle_case_id = b.bundle_case_id ${casesOf(scope)})`
        : sql``;
    return tx.query<BundleRow>(sql`
      SELECT ${periodOf(sql`b.completed_at`, zone, range)} AS period,
             count(*) FILTER (WHERE b.status = 'COMPLETED')::int AS "bundlesCompleted",
             count(*) FILTER (WHERE b.status = 'FAILED')::int AS "bundlesFailed",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY b.end_to_end_days)
               FILTER (WHERE b.status = 'COMPLETED') AS "bundleMedianDays",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY b.end_to_end_days)
               FILTER (WHERE b.status = 'COMPLETED') AS "bundleP90Days"
        FROM bundle_views b
       WHERE ${localIn(sql`b.completed_at`, zone, range)} ${ofScope}
       GROUP BY 1`);
  }

  /** Where the bundle's first step is known: its submission and its agency's zone. */
  async bundleStart(
    tx: Executor,
    bundleCaseId: string,
  ): Promise<{ submittedAt: Date; agencyTimeZone: string } | undefined> {
    const [start] = await tx.query<{ submittedAt: Date; agencyTimeZone: string }>(sql`
      SELECT submitted_at AS "submittedAt", agency_time_zone AS "agencyTimeZone"
        FROM applications WHERE bundle_case_id = ${bundleCaseId}
       ORDER BY submitted_at, application_id LIMIT 1`);
    return start;
  }

  /** A bundle ends once; a second copy of the event changes nothing. */
  async recordBundle(tx: Executor, view: BundleView): Promise<void> {
    await tx.execute(sql`
      INSERT INTO bundle_views (bundle_case_id, tracking_no, bundle_code, status, time_zone,
        started_at, completed_at, end_to_end_days)
      VALUES (${view.bundleCaseId}, ${view.trackingNo}, ${view.bundleCode}, ${view.status},
        ${view.timeZone}, ${view.startedAt}, ${view.completedAt}, ${view.endToEndDays})
      ON CONFLICT (bundle_case_id) DO NOTHING`);
  }
}
