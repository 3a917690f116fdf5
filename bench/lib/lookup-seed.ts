import { generateTrackingNumber } from '@satupintu/domain';
import type { Client } from 'pg';
import { loadTrackingConfig } from '../../apps/tracking/src/config';
import { factorMac } from '../../apps/tracking/src/lookup/lookup-factors';

/** Everyone seeded was born on this day: each one's HMAC still differs (it binds the owner). */
export const SEEDED_BIRTH_DATE = '1984-02-29';
const CHUNK = 100_000;

/** The i-th seeded tracking number: a valid one (check symbol), `Z` first, unlike most drawn. */
export function seededTrackingNo(i: number): string {
  const digits = new Uint8Array(8);
  let rest = i;
  for (let d = 7; d >= 1; d -= 1) {
    digits[d] = rest % 32;
    rest = Math.floor(rest / 32);
  }
  digits[0] = 31;
  return generateTrackingNumber(() => digits);
}

const uuidOf = (prefix: string, i: number) =>
  `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
/** The same ids in SQL, of the row's number `s.i`. */
const APPLICATION_ID = `('b0000000-0000-4000-8000-' || lpad(to_hex(s.i), 12, '0'))::uuid`;
const APPLICANT_ID = `('a0000000-0000-4000-8000-' || lpad(to_hex(s.i), 12, '0'))::uuid`;

/**
 * `count` submitted and VERIFYING cases straight into tracking's tables (applications,
 * case_views, two timeline entries each) with their applicant's birth-date HMAC in
 * lookup_factors, as tracking would have them after following the events and the profiles; then
 * VACUUM (ANALYZE) and a CHECKPOINT. A read model in service was vacuumed long ago: fresh from
 * the seed, the lookups measured would be the first to read each row (setting its hint bits,
 * dirtying its page), beside autovacuum starting on the million new rows and the seed's
 * checkpoint, none of which the lookup costs in service. The HMACs are computed here under tracking's key as the bench runs it (its development
 * key, TRACKING_KEY_ENCRYPTION_KEY unset). Returns the milliseconds it took.
 */
export async function seedLookupCases(tracking: Client, count: number): Promise<number> {
  const started = Date.now();
  const key = loadTrackingConfig({}).factorKey;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    const numbers: string[] = [];
    const macs: string[] = [];
    for (let i = from; i <= to; i += 1) {
      numbers.push(seededTrackingNo(i));
      macs.push(
        factorMac(key, 'birth-date', uuidOf('a0000000', i), SEEDED_BIRTH_DATE).toString('hex'),
      );
    }
    const rows = `SELECT t.no, decode(t.mac, 'hex') AS mac, ($3::int + t.n - 1)::int AS i,
                         now() - interval '30 days' + make_interval(secs => (($3::int + t.n) % 2000000)::float8) AS at
                    FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(no, mac, n)`;
    const params = [numbers, macs, from];
    await tracking.query('BEGIN');
    await tracking.query(
      `INSERT INTO applications (application_id, tracking_no, agency_code, applicant_id,
         submitted_at, agency_time_zone, service_code, channel)
       SELECT ${APPLICATION_ID}, s.no, 'DUKCAPIL', ${APPLICANT_ID}, s.at, 'Asia/Jakarta',
              'DUKCAPIL-KK', 'WEB'
         FROM (${rows}) s`,
      params,
    );
    await tracking.query(
      `INSERT INTO case_views (application_id, tracking_no, agency_code, agency_time_zone,
         service_code, channel, applicant_id, submitted_at, status, sequence, changed_at,
         deadline, revisions)
       SELECT ${APPLICATION_ID}, s.no, 'DUKCAPIL', 'Asia/Jakarta', 'DUKCAPIL-KK', 'WEB',
              ${APPLICANT_ID}, s.at, 'VERIFYING', 1, s.at + interval '1 second',
              s.at + interval '14 days', 0
         FROM (${rows}) s`,
      params,
    );
    await tracking.query(
      `INSERT INTO timeline_entries (event_id, application_id, tracking_no, status, agency_code,
         agency_time_zone, occurred_at, sequence)
       SELECT 'bench-lookup-' || s.i || '-' || e.sequence, ${APPLICATION_ID}, s.no, e.status,
              'DUKCAPIL', 'Asia/Jakarta', s.at + make_interval(secs => e.sequence), e.sequence
         FROM (${rows}) s
        CROSS JOIN (VALUES (0, 'SUBMITTED'), (1, 'VERIFYING')) AS e(sequence, status)`,
      params,
    );
    await tracking.query(
      `INSERT INTO lookup_factors (owner_id, kind, mac, version)
       SELECT ${APPLICANT_ID}, 'birth-date', s.mac, 1 FROM (${rows}) s`,
      params,
    );
    await tracking.query('COMMIT');
  }
  await tracking.query(
    'VACUUM (ANALYZE) applications, case_views, timeline_entries, lookup_factors',
  );
  await tracking.query('CHECKPOINT');
  return Date.now() - started;
}
