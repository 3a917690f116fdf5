import { Pool } from 'pg';

/** Responses in the year the index row aggregates, and cases finished in it. */
export const SKM_RESPONSES = 1_000_000;
export const SKM_SERVED_CASES = 200_000;
export const SKM_YEAR = 2025;

/**
 * A year of kiosk responses straight into surveys' table in one statement: three agencies and
 * services, every day of 2025, answers 1–4 spread by the row number, each element left
 * unanswered in about one response in 13 to 29 (its own modulus), a profile on most and a
 * suggestion on one in 50; and the cases served that year in `served_cases`.
 */
export async function seedSkm(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const answer = (multiplier: number, skip: number) =>
    `CASE WHEN n % ${skip} = 0 THEN NULL ELSE 1 + (n * ${multiplier} + n / 7) % 4 END`;
  try {
    await pool.query(
      `
      INSERT INTO skm_responses (id, source, client_id, agency_code, service_code, day,
                                 u1, u2, u3, u4, u5, u6, u7, u8, u9,
                                 sex, age_band, education, occupation, suggestion)
      SELECT md5('skm' || n)::uuid, 'KIOSK', 'bench-kiosk',
             (ARRAY['DUKCAPIL', 'PUPR', 'DPMPTSP'])[n % 3 + 1],
             (ARRAY['DUKCAPIL-KK', 'PUPR-PBG', 'DPMPTSP-NIB'])[n % 3 + 1],
             make_date($2::int, 1, 1) + (n % 365),
             ${[
               [3, 13],
               [5, 17],
               [7, 19],
               [11, 23],
               [13, 29],
               [17, 13],
               [19, 17],
               [23, 19],
               [29, 23],
             ]
               .map(([m, s]) => answer(m, s))
               .join(',\n             ')},
             CASE WHEN n % 10 = 0 THEN NULL ELSE (ARRAY['M', 'F'])[n % 2 + 1] END,
             (ARRAY['UNDER_20', '20_TO_29', '30_TO_39', '40_TO_49', '50_TO_59', '60_AND_OVER'])[n % 6 + 1],
             (ARRAY['SD_OR_LESS', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3'])[n % 6 + 1],
             (ARRAY['PNS_TNI_POLRI', 'PRIVATE_EMPLOYEE', 'ENTREPRENEUR', 'STUDENT', 'OTHER'])[n % 5 + 1],
             CASE WHEN n % 50 = 0 THEN 'Saran nomor ' || n END
        FROM generate_series(1, $1::int) n`,
      [SKM_RESPONSES, SKM_YEAR],
    );
    await pool.query(
      `
      INSERT INTO served_cases (application_id, tracking_no, applicant_id, service_code,
                                agency_code, finished_status, finished_at)
      SELECT md5('served' || n)::uuid, 'S' || lpad(n::text, 8, '0'), md5('applicant' || n)::uuid,
             (ARRAY['DUKCAPIL-KK', 'PUPR-PBG', 'DPMPTSP-NIB'])[n % 3 + 1],
             (ARRAY['DUKCAPIL', 'PUPR', 'DPMPTSP'])[n % 3 + 1],
             (ARRAY['ISSUED', 'REJECTED'])[n % 2 + 1],
             make_timestamptz($2::int, 1, 1, 0, 0, 0, 'Asia/Jakarta') + n * (interval '365 days' / $1::int)
        FROM generate_series(1, $1::int - 1) n`,
      [SKM_SERVED_CASES, SKM_YEAR],
    );
    // What the statement storing each response adds to its day's tally, for the whole seed at once.
    const bands: [string, string][] = [
      ['sex', 'M'],
      ['sex', 'F'],
      ...['UNDER_20', '20_TO_29', '30_TO_39', '40_TO_49', '50_TO_59', '60_AND_OVER'].map(
        (v): [string, string] => ['age_band', v],
      ),
      ...['SD_OR_LESS', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3'].map((v): [string, string] => [
        'education',
        v,
      ]),
      ...['PNS_TNI_POLRI', 'PRIVATE_EMPLOYEE', 'ENTREPRENEUR', 'STUDENT', 'OTHER'].map(
        (v): [string, string] => ['occupation', v],
      ),
    ];
    const elements = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
    await pool.query(`
      INSERT INTO skm_tallies (day, agency_code, service_code, shard, respondents, suggestions,
                               ${elements.map((e) => `s_${e}, c_${e}`).join(', ')},
                               ${bands.map(([c, v]) => `${c}_${v.toLowerCase()}`).join(', ')})
      SELECT day, agency_code, service_code, 0, count(*), count(suggestion),
             ${elements.map((e) => `coalesce(sum(${e}), 0), count(${e})`).join(', ')},
             ${bands.map(([c, v]) => `count(*) FILTER (WHERE ${c} = '${v}')`).join(', ')}
        FROM skm_responses WHERE client_id = 'bench-kiosk' GROUP BY day, agency_code, service_code`);
    await pool.query('ANALYZE skm_responses');
    await pool.query('ANALYZE skm_tallies');
    await pool.query('ANALYZE served_cases');
  } finally {
    await pool.end();
  }
}
