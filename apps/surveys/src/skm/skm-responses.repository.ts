import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { SKM_ELEMENTS } from '@satupintu/domain';
import { identifier, joinSql, sql, uniqueViolation, type Executor } from '@satupintu/persistence';
import { randomInt } from 'node:crypto';
import { PROFILE_BANDS } from './skm-index.repository';
import type { NewSkmResponse } from './skm-response';

const lower = (element: string) => element.toLowerCase();
const ELEMENT_COLUMNS = joinSql(SKM_ELEMENTS.map((element) => identifier(lower(element))));
const BANDS = Object.values(PROFILE_BANDS).flatMap(({ column, values }) =>
  values.map((value) => ({ column, value, name: `${column}_${value.toLowerCase()}` })),
);
/** The tally's counters, and what one response adds to each. */
const TALLIED: { name: string; of: ReturnType<typeof sql> }[] = [
  { name: 'respondents', of: sql`1` },
  { name: 'suggestions', of: sql`(suggestion IS NOT NULL)::int` },
  ...SKM_ELEMENTS.flatMap((element) => {
    const column = identifier(lower(element));
    return [
      { name: `s_${lower(element)}`, of: sql`coalesce(${column}, 0)` },
      { name: `c_${lower(element)}`, of: sql`(${column} IS NOT NULL)::int` },
    ];
  }),
  ...BANDS.map(({ column, value, name }) => ({
    name,
    of: sql`(${identifier(column)} IS NOT DISTINCT FROM ${value})::int`,
  })),
];
/** Shards of each day's, agency's and service's tally (ADR 0032). */
const SHARDS = 16;

@Injectable()
export class SkmResponsesRepository {
  /**
   * Stores a response, its answers in the columns of their codes (an unanswered one NULL), and
   * adds it to its day's tally in the same statement. A second response about one case runs into
   * `skm_responses_one_per_case`, whatever raced it: that is the 409, not a look before the insert.
   */
  static async add(tx: Executor, response: NewSkmResponse, trackingNo?: string): Promise<Date> {
    try {
      const [row] = await tx.query<{ receivedAt: Date }>(sql`
        WITH stored AS (
        INSERT INTO skm_responses (id, source, application_id, client_id, agency_code,
                                   service_code, day, ${ELEMENT_COLUMNS}, sex, age_band,
                                   education, occupation, suggestion)
        VALUES (${response.id}, ${response.source}, ${response.applicationId},
                ${response.clientId}, ${response.agencyCode}, ${response.serviceCode},
                ${response.day}::date,
                ${joinSql(SKM_ELEMENTS.map((element) => sql`${response.answers[element] ?? null}::smallint`))},
                ${response.sex}, ${response.ageBand}, ${response.education},
                ${response.occupation}, ${response.suggestion})
        RETURNING *
        ), tallied AS (
          INSERT INTO skm_tallies (day, agency_code, service_code, shard,
                                   ${joinSql(TALLIED.map((t) => identifier(t.name)))})
          SELECT day, agency_code, service_code, ${randomInt(SHARDS)}::smallint,
                 ${joinSql(TALLIED.map((t) => t.of))}
            FROM stored
          ON CONFLICT (day, agency_code, service_code, shard) DO UPDATE
             SET ${joinSql(TALLIED.map((t) => sql`${identifier(t.name)} = skm_tallies.${identifier(t.name)} + EXCLUDED.${identifier(t.name)}`))}
        )
        SELECT received_at AS "receivedAt" FROM stored`);
      return row.receivedAt;
    } catch (error) {
      if (uniqueViolation(error) === 'skm_responses_one_per_case')
        throw new DomainError('skm_already_answered', 409, [], {
          trackingNo: trackingNo ?? '',
        });
      throw error;
    }
  }
}
