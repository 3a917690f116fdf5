import { Inject, Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { QUEUE_SETTINGS, type QueueSettings } from '../queue.settings';
import type { FiguresRow } from './floor-figures';

/** The floor's figures in one aggregate over `tickets` (ADR 0037). */
@Injectable()
export class FloorFiguresRepository {
  private readonly db: Executor;

  constructor(
    dataSource: DataSource,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * The checked-in tickets of the mall's days `from` to the day before `to`: the whole scope,
   * and by agency, by service and by hour of check-in (the mall's clock), in one pass. A wait
   * runs from check-in to the first call; a service from the last call (after recalls, the one
   * the visitor answered) to served. Seconds, to the millisecond; means to a tenth.
   */
  figures(from: string, to: string, agencyCode: string | undefined): Promise<FiguresRow[]> {
    return this.db.query<FiguresRow>(sql`
      SELECT CASE
               WHEN grouping(t.agency_code) = 1 THEN 'total'
               WHEN grouping(t.service_code) = 0 THEN 'service'
               WHEN grouping(m.hour) = 0 THEN 'hour'
               ELSE 'agency'
             END AS "grouping",
             t.agency_code AS "agencyCode", t.service_code AS "serviceCode", m.hour,
             count(*)::int AS tickets,
             count(t.called_at)::int AS called,
             count(*) FILTER (WHERE t.status = 'SERVED')::int AS served,
             count(*) FILTER (WHERE t.status = 'NO_SHOW')::int AS "noShows",
             round(avg(m.wait)::numeric, 1) AS "meanWaitSeconds",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY m.wait) AS "medianWaitSeconds",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY m.wait) AS "p90WaitSeconds",
             round(avg(m.service)::numeric, 1) AS "meanServiceSeconds",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY m.service) AS "medianServiceSeconds",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY m.service) AS "p90ServiceSeconds"
        FROM tickets t
       CROSS JOIN LATERAL (
         SELECT extract(hour FROM t.checked_in_at AT TIME ZONE ${this.settings.timeZone})::int AS hour,
                extract(epoch FROM t.called_at - t.checked_in_at)::float8 AS wait,
                CASE WHEN t.status = 'SERVED'
                     THEN extract(epoch FROM t.served_at - coalesce(t.last_called_at, t.called_at))::float8
                END AS service) m
       WHERE t.checked_in_at IS NOT NULL
         AND t.day >= ${from}::date AND t.day < ${to}::date
         AND (${agencyCode ?? null}::text IS NULL OR t.agency_code = ${agencyCode ?? null})
       GROUP BY GROUPING SETS ((), (t.agency_code), (t.agency_code, t.service_code),
                               (t.agency_code, m.hour))
       ORDER BY "grouping", t.agency_code, t.service_code, m.hour`);
  }
}
