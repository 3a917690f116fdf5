import { Injectable } from '@nestjs/common';
import {
  SKM_AGE_BANDS,
  SKM_EDUCATIONS,
  SKM_OCCUPATIONS,
  SKM_SEXES,
  type SkmSuggestionV1,
} from '@satupintu/contracts';
import { SKM_ELEMENTS, type SkmPeriod } from '@satupintu/domain';
import {
  executorOf,
  identifier,
  joinSql,
  sql,
  type Executor,
  type Sql,
} from '@satupintu/persistence';
import { DataSource } from 'typeorm';

/** Whose responses and cases count: the mall's (neither), an agency's, a service's. */
export interface SkmScope {
  agencyCode?: string;
  serviceCode?: string;
}

/** The profile bands counted per period, as `<column>.<value>`. */
export const PROFILE_BANDS = {
  sex: { column: 'sex', values: SKM_SEXES },
  ageBand: { column: 'age_band', values: SKM_AGE_BANDS },
  education: { column: 'education', values: SKM_EDUCATIONS },
  occupation: { column: 'occupation', values: SKM_OCCUPATIONS },
} as const;
export type ProfileField = keyof typeof PROFILE_BANDS;

/** One period's aggregates, as the database computed them. */
export interface SkmPeriodRow {
  start: string;
  respondents: number;
  population: number;
  suggestions: number;
  /** Per element, in code order: how many answered it, the mean (NULL: nobody did). */
  answered: number[];
  nrr: (number | null)[];
  /** Σ(NRR × weight) × 25 in the order of the codes, in double precision; NULL if any NRR is. */
  ikm: number | null;
  profile: Record<ProfileField, Record<string, number>>;
}

const lower = (element: string) => element.toLowerCase();

function scopeOf(scope: SkmScope, alias: string): Sql {
  const conditions: Sql[] = [sql`TRUE`];
  if (scope.agencyCode)
    conditions.push(sql`${identifier(alias)}.agency_code = ${scope.agencyCode}`);
  if (scope.serviceCode)
    conditions.push(sql`${identifier(alias)}.service_code = ${scope.serviceCode}`);
  return joinSql(conditions, sql` AND `);
}

/**
 * The index in the database (ADR 0032): per period the sums of its days' tallies (per element
 * the sum of the answers and how many answered it, kept with each response: an unanswered
 * element adds to neither, so it leaves its denominator and nothing else), the NRR and the IKM
 * in double precision in the same order of operations as `skmIndex`, and the served population
 * from `served_cases` by the instants of the period's days in the mall's zone. No response is
 * read here.
 */
@Injectable()
export class SkmIndexRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async periods(
    periods: readonly SkmPeriod[],
    scope: SkmScope,
    weight: number,
    timeZone: string,
  ): Promise<SkmPeriodRow[]> {
    const starts = periods.map((period) => period.start);
    const ends = periods.map((period) => period.end);
    const w = sql`${weight}::float8`;
    const sums = SKM_ELEMENTS.map(
      (e) => sql`sum(t.${identifier(`s_${lower(e)}`)}) AS ${identifier(`s_${lower(e)}`)},
                 coalesce(sum(t.${identifier(`c_${lower(e)}`)}), 0)::int AS ${identifier(`c_${lower(e)}`)}`,
    );
    const nrr = (e: string) =>
      sql`(a.${identifier(`s_${lower(e)}`)}::float8 / nullif(a.${identifier(`c_${lower(e)}`)}, 0))`;
    const profileColumns = Object.values(PROFILE_BANDS).flatMap(({ column, values }) =>
      values.map((value) => `${column}_${value.toLowerCase()}`),
    );
    const profile = profileColumns.map(
      (name) => sql`coalesce(sum(t.${identifier(name)}), 0)::int AS ${identifier(name)}`,
    );
    const rows = await this.db.query<Record<string, number | string | null>>(sql`
      WITH periods AS (
        SELECT start, finish FROM unnest(${starts}::date[], ${ends}::date[]) AS p(start, finish)
      ), answers AS (
        SELECT p.start, coalesce(sum(t.respondents), 0)::int AS respondents,
               coalesce(sum(t.suggestions), 0)::int AS suggestions,
               ${joinSql(sums)}, ${joinSql(profile)}
          FROM periods p
          LEFT JOIN skm_tallies t
            ON t.day >= p.start AND t.day < p.finish AND ${scopeOf(scope, 't')}
         GROUP BY p.start
      ), served AS (
        SELECT p.start, count(c.application_id)::int AS population
          FROM periods p
          LEFT JOIN served_cases c
            ON c.finished_at >= (p.start::timestamp AT TIME ZONE ${timeZone})
           AND c.finished_at < (p.finish::timestamp AT TIME ZONE ${timeZone})
           AND ${scopeOf(scope, 'c')}
         GROUP BY p.start
      )
      SELECT to_char(a.start, 'YYYY-MM-DD') AS start, a.respondents, a.suggestions,
             s.population,
             ${joinSql(SKM_ELEMENTS.map((e) => sql`a.${identifier(`c_${lower(e)}`)}`))},
             ${joinSql(SKM_ELEMENTS.map((e) => sql`${nrr(e)} AS ${identifier(`nrr_${lower(e)}`)}`))},
             (${joinSql(
               SKM_ELEMENTS.map((e) => sql`${nrr(e)} * ${w}`),
               sql` + `,
             )}) * 25 AS ikm,
             ${joinSql(profileColumns.map((column) => sql`a.${identifier(column)}`))}
        FROM answers a JOIN served s USING (start)
       ORDER BY a.start`);
    return rows.map((row) => ({
      start: row.start as string,
      respondents: row.respondents as number,
      population: row.population as number,
      suggestions: row.suggestions as number,
      answered: SKM_ELEMENTS.map((e) => row[`c_${lower(e)}`] as number),
      nrr: SKM_ELEMENTS.map((e) => row[`nrr_${lower(e)}`] as number | null),
      ikm: row.ikm as number | null,
      profile: Object.fromEntries(
        Object.entries(PROFILE_BANDS).map(([field, { column, values }]) => [
          field,
          Object.fromEntries(
            values.map((value) => [value, row[`${column}_${value.toLowerCase()}`] as number]),
          ),
        ]),
      ) as SkmPeriodRow['profile'],
    }));
  }

  /** A period's suggestions, the latest day first, a page at a time after `after` (day, id). */
  suggestions(
    period: SkmPeriod,
    scope: SkmScope,
    limit: number,
    after?: readonly [string, string],
  ): Promise<SkmSuggestionV1[]> {
    return this.db.query<SkmSuggestionV1>(sql`
      SELECT r.id AS "responseId", to_char(r.day, 'YYYY-MM-DD') AS day,
             r.agency_code AS "agencyCode", r.service_code AS "serviceCode",
             r.suggestion AS text
        FROM skm_responses r
       WHERE r.suggestion IS NOT NULL
         AND r.day >= ${period.start}::date AND r.day < ${period.end}::date
         AND ${scopeOf(scope, 'r')}
         ${after ? sql`AND (r.day, r.id) < (${after[0]}::date, ${after[1]}::uuid)` : sql``}
       ORDER BY r.day DESC, r.id DESC
       LIMIT ${limit}`);
  }
}
