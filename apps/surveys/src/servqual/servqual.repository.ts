import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { ServqualAnswerV1, ServqualResponseReceiptV1 } from '@satupintu/contracts';
import { SERVQUAL_ITEMS, servqualDimensionOf, type SkmPeriod } from '@satupintu/domain';
import { executorOf, joinSql, sql, uniqueViolation, type Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ServqualAggregate } from './servqual-response';

/** Each item's dimension as a VALUES list, from the one definition in libs/domain. */
const DIMENSION_OF_ITEM = joinSql(
  Array.from(
    { length: SERVQUAL_ITEMS },
    (_, i) => sql`(${i + 1}::int, ${servqualDimensionOf(i + 1)}::text)`,
  ),
);

export interface NewServqualResponse {
  serviceCode: string;
  day: string;
  source: 'APPLICANT' | 'KIOSK';
  trackingNo?: string;
  clientId?: string;
  answers: ServqualAnswerV1[];
}

@Injectable()
export class ServqualRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** Records a response and its answers; a case answered before is a 409. */
  async add(tx: Executor, response: NewServqualResponse): Promise<ServqualResponseReceiptV1> {
    const responseId = randomUUID();
    try {
      await tx.execute(sql`
        INSERT INTO servqual_responses (response_id, service_code, day, source, tracking_no, client_id)
        VALUES (${responseId}, ${response.serviceCode}, ${response.day}::date, ${response.source},
                ${response.trackingNo ?? null}, ${response.clientId ?? null})`);
    } catch (error) {
      // The one unique column beside the key: the case was answered (the transaction rolls back).
      if (uniqueViolation(error) === undefined) throw error;
      throw new DomainError('servqual_already_answered', 409, [], {
        trackingNo: response.trackingNo ?? '',
      });
    }
    await tx.execute(sql`
      INSERT INTO servqual_answers (response_id, item, expectation, perception)
      SELECT ${responseId}, a.item, a.expectation, a.perception
        FROM unnest(${response.answers.map((a) => a.item)}::int[],
                    ${response.answers.map((a) => a.expectation)}::int[],
                    ${response.answers.map((a) => a.perception)}::int[])
             AS a(item, expectation, perception)`);
    return {
      responseId,
      serviceCode: response.serviceCode,
      day: response.day,
      source: response.source,
      answered: response.answers.length,
    };
  }

  /**
   * The gaps of a service over a period, computed by PostgreSQL: per item the mean perception
   * minus the mean expectation over those who answered it, per dimension the mean of its items'
   * gaps (over the items anyone answered), and the respondents. One statement, one snapshot.
   */
  async aggregate(serviceCode: string, period: SkmPeriod): Promise<ServqualAggregate> {
    const rows = await this.db.query<{
      kind: 'ITEM' | 'DIMENSION' | 'RESPONDENTS';
      item: number | null;
      dimension: ServqualAggregate['dimensions'][number]['dimension'] | null;
      answered: number | null;
      expectation: number | null;
      perception: number | null;
      gap: number | null;
    }>(sql`
      WITH responses AS (
        SELECT response_id FROM servqual_responses
         WHERE service_code = ${serviceCode}
           AND day >= ${period.start}::date AND day < ${period.end}::date
      ), items AS (
        SELECT a.item, count(*)::int AS answered,
               avg(a.expectation) AS expectation, avg(a.perception) AS perception,
               avg(a.perception) - avg(a.expectation) AS gap
          FROM servqual_answers a JOIN responses USING (response_id)
         GROUP BY a.item
      ), dimensions AS (
        SELECT d.dimension, avg(i.gap) AS gap
          FROM items i JOIN (VALUES ${DIMENSION_OF_ITEM}) AS d(item, dimension) USING (item)
         GROUP BY d.dimension
      )
      SELECT 'ITEM' AS kind, item, NULL::text AS dimension, answered,
             expectation::float8 AS expectation, perception::float8 AS perception,
             gap::float8 AS gap
        FROM items
      UNION ALL
      SELECT 'DIMENSION', NULL, dimension, NULL, NULL, NULL, gap::float8 FROM dimensions
      UNION ALL
      SELECT 'RESPONDENTS', NULL, NULL, (SELECT count(*)::int FROM responses), NULL, NULL, NULL`);
    const aggregate: ServqualAggregate = { respondents: 0, items: [], dimensions: [] };
    for (const row of rows) {
      if (row.kind === 'RESPONDENTS') aggregate.respondents = row.answered ?? 0;
      else if (row.kind === 'ITEM')
        aggregate.items.push({
          item: row.item!,
          answered: row.answered!,
          expectation: row.expectation!,
          perception: row.perception!,
          gap: row.gap!,
        });
      else aggregate.dimensions.push({ dimension: row.dimension!, gap: row.gap! });
    }
    return aggregate;
  }
}
