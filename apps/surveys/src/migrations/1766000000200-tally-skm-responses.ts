import type { MigrationInterface, QueryRunner } from 'typeorm';

const ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
const BANDS = [
  'sex_m',
  'sex_f',
  'age_band_under_20',
  'age_band_20_to_29',
  'age_band_30_to_39',
  'age_band_40_to_49',
  'age_band_50_to_59',
  'age_band_60_and_over',
  'education_sd_or_less',
  'education_smp',
  'education_sma',
  'education_d1_d3',
  'education_d4_s1',
  'education_s2_s3',
  'occupation_pns_tni_polri',
  'occupation_private_employee',
  'occupation_entrepreneur',
  'occupation_student',
  'occupation_other',
];

/**
 * The SKM responses tallied by local day, agency and service (ADR 0032), kept in the statement
 * that stores each response: per element the sum of its answers and how many answered it, the
 * respondents, those with a suggestion, and the respondents of each profile band. A period's
 * index adds up at most a few rows per day instead of aggregating every response. Each key has
 * 16 shards (a response adds to one at random) so that kiosks answering about one service on one
 * day do not queue on a single row. Integers only: the sums are exact.
 */
export class TallySkmResponses1766000000200 implements MigrationInterface {
  name = 'TallySkmResponses1766000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const counters = [
      'respondents',
      'suggestions',
      ...ELEMENTS.flatMap((e) => [`s_${e}`, `c_${e}`]),
      ...BANDS,
    ];
    await queryRunner.query(`
      CREATE TABLE skm_tallies (
        day date NOT NULL,
        agency_code text NOT NULL,
        service_code text NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
        ${counters.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (day, agency_code, service_code, shard)
      )`);
    await queryRunner.query(`
      INSERT INTO skm_tallies (day, agency_code, service_code, shard, ${counters.join(', ')})
      SELECT day, agency_code, service_code, 0, count(*), count(suggestion),
             ${ELEMENTS.map((e) => `coalesce(sum(${e}), 0), count(${e})`).join(', ')},
             ${BANDS.map((band) => {
               const [column, value] = band.startsWith('age_band')
                 ? ['age_band', band.slice('age_band_'.length)]
                 : [band.slice(0, band.indexOf('_')), band.slice(band.indexOf('_') + 1)];
               return `count(*) FILTER (WHERE upper(${column}) = '${value.toUpperCase()}')`;
             }).join(', ')}
        FROM skm_responses GROUP BY day, agency_code, service_code`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE skm_tallies');
  }
}
