import { IssueTicket } from '@satupintu/contracts';
import { SKM_ELEMENTS } from '@satupintu/domain';
import { databaseName, databaseUrl } from '@satupintu/persistence';
import { Pool } from 'pg';
import type { CallRecord, FloorFound, TicketSent } from './floor-flow';
import type { SurveysFound, SurveysSent } from './surveys-flow';
import { RECORDED_AS, STATUS_AFTER, TOLD_AS, WALK_STEPS, type Walk } from './walks';

/** An application the system acknowledged with a 201 receipt. */
export interface Acknowledged {
  applicationId: string;
  trackingNo: string;
  nik: string;
  agencyCode: string;
}

/** Why acknowledged applications count as lost or as processed twice, with how many each. */
export interface AuditResult {
  /** Acknowledged applications missing somewhere they must be. */
  lost: number;
  /** Acknowledged applications with a duplicate somewhere. */
  twice: number;
  /** `intake: 3 missing`, `timeline: 2 with SUBMITTED twice`: every reason that counted. */
  reasons: string[];
}

/** Per database, per durable consumer: events handled (consumer_progress) and inbox rows. */
export type ConsumerCounts = Map<string, { handled: number; inbox: number }>;

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * Reads the services' own databases to see what became of acknowledged applications: intake's
 * `applications`, the owning agency's `cases` and `case_history`, tracking's
 * `timeline_entries`, and every database's `consumer_progress` against its `inbox`. Pools, so
 * that a restarted PostgreSQL is reconnected to.
 */
export class Auditor {
  private readonly pools = new Map<string, Pool>();

  constructor(
    private readonly serverUrl: string,
    private readonly prefix: string,
    private readonly agencyCodes: readonly string[],
    /** Every database of the run, as name parts: ['intake'], ['agency', 'PUPR']. */
    private readonly databases: readonly string[][],
  ) {}

  private pool(...parts: string[]): Pool {
    const name = databaseName(this.prefix, ...parts);
    let pool = this.pools.get(name);
    if (!pool) {
      pool = new Pool({
        connectionString: databaseUrl(this.serverUrl, name),
        max: 2,
        application_name: 'chaos-auditor',
        connectionTimeoutMillis: 5000,
        query_timeout: 30_000,
      });
      // A connection that PostgreSQL ends (a restart) is dropped from the pool, not thrown.
      pool.on('error', () => undefined);
      this.pools.set(name, pool);
    }
    return pool;
  }

  private async rows<T>(parts: string[], sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool(...parts).query(sql, params)).rows as T[];
  }

  private async hasTable(parts: string[], table: string): Promise<boolean> {
    const [{ present }] = await this.rows<{ present: boolean }>(
      parts,
      'SELECT to_regclass($1) IS NOT NULL AS present',
      [table],
    );
    return present;
  }

  async audit(acknowledged: readonly Acknowledged[]): Promise<AuditResult> {
    const lost = new Set<string>();
    const twice = new Set<string>();
    const reasons: string[] = [];
    const count = (what: string, ids: Iterable<string>, into: Set<string>) => {
      let n = 0;
      for (const id of ids) {
        into.add(id);
        n += 1;
      }
      if (n > 0) reasons.push(`${what}: ${n}`);
    };

    for (const batch of chunk(acknowledged, 5000)) {
      const ids = batch.map((a) => a.applicationId);
      const [stored, niks, timeline] = await Promise.all([
        this.rows<{ id: string }>(
          ['intake'],
          'SELECT id::text FROM applications WHERE id = ANY($1::uuid[])',
          [ids],
        ),
        // Each request had a NIK of its own: two rows with one NIK are one request stored twice.
        this.rows<{ nik: string }>(
          ['intake'],
          'SELECT applicant_nik AS nik FROM applications WHERE applicant_nik = ANY($1::text[]) GROUP BY 1 HAVING count(*) > 1',
          [batch.map((a) => a.nik)],
        ),
        this.rows<{ id: string; status: string; n: number }>(
          ['tracking'],
          `SELECT application_id::text AS id, status, count(*)::int AS n FROM timeline_entries
            WHERE application_id = ANY($1::uuid[]) AND status IN ('SUBMITTED', 'VERIFYING')
            GROUP BY 1, 2`,
          [ids],
        ),
      ]);
      const storedIds = new Set(stored.map((row) => row.id));
      count(
        'not in intake applications',
        ids.filter((id) => !storedIds.has(id)),
        lost,
      );
      const duplicatedNiks = new Set(niks.map((row) => row.nik.trim()));
      count(
        'more than one intake application for one receipt',
        batch.filter((a) => duplicatedNiks.has(a.nik)).map((a) => a.applicationId),
        twice,
      );
      for (const status of ['SUBMITTED', 'VERIFYING']) {
        const entries = new Map(
          timeline.filter((row) => row.status === status).map((row) => [row.id, row.n]),
        );
        count(
          `no ${status} timeline entry`,
          ids.filter((id) => !entries.has(id)),
          lost,
        );
        count(
          `${status} timeline entry more than once`,
          ids.filter((id) => (entries.get(id) ?? 0) > 1),
          twice,
        );
      }

      for (const agency of this.agencyCodes) {
        const own = batch.filter((a) => a.agencyCode === agency).map((a) => a.applicationId);
        if (own.length === 0) continue;
        const [cases, changes] = await Promise.all([
          this.rows<{ id: string }>(
            ['agency', agency],
            'SELECT application_id::text AS id FROM cases WHERE application_id = ANY($1::uuid[])',
            [own],
          ),
          this.rows<{ id: string }>(
            ['agency', agency],
            `SELECT application_id::text AS id FROM case_history
              WHERE application_id = ANY($1::uuid[]) AND action = 'START_VERIFICATION'
              GROUP BY 1 HAVING count(*) > 1`,
            [own],
          ),
        ]);
        const opened = new Set(cases.map((row) => row.id));
        count(
          `no ${agency} case`,
          own.filter((id) => !opened.has(id)),
          lost,
        );
        count(
          `${agency} case opened more than once (START_VERIFICATION twice)`,
          changes.map((row) => row.id),
          twice,
        );
      }
    }
    return { lost: lost.size, twice: twice.size, reasons };
  }

  /**
   * What became of the walks' acknowledged steps: in the agency's case history (one record per
   * action), on tracking's timeline (one entry per status) and, for an issue, in its outputs.
   */
  async auditWalks(agencyCode: string, walks: readonly Walk[]): Promise<AuditResult> {
    const ids = walks.map((walk) => walk.applicationId);
    if (ids.length === 0) return { lost: 0, twice: 0, reasons: [] };
    const [history, timeline, outputs, views, notices] = await Promise.all([
      this.rows<Found>(
        ['agency', agencyCode],
        `SELECT application_id::text AS id, action AS what, count(*)::int AS n FROM case_history
          WHERE application_id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [ids],
      ),
      this.rows<Found>(
        ['tracking'],
        `SELECT application_id::text AS id, status AS what, count(*)::int AS n FROM timeline_entries
          WHERE application_id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [ids],
      ),
      this.rows<Found>(
        ['agency', agencyCode],
        `SELECT application_id::text AS id, 'OUTPUT' AS what, count(*)::int AS n FROM outputs
          WHERE application_id = ANY($1::uuid[]) GROUP BY 1`,
        [ids],
      ),
      // The read model against the entries it folds: a row behind them is a gap never filled.
      this.rows<Found>(
        ['tracking'],
        `SELECT application_id::text AS id, 'FOLDED' AS what, sequence AS n FROM case_views
          WHERE application_id = ANY($1::uuid[])
         UNION ALL
         SELECT application_id::text, 'RECORDED', max(sequence) FROM timeline_entries
          WHERE application_id = ANY($1::uuid[]) GROUP BY 1`,
        [ids],
      ),
      // What identity recorded to tell the applicant: once per change, whatever was restarted.
      this.rows<Found>(
        ['identity'],
        `SELECT application_id::text AS id, kind AS what, count(*)::int AS n FROM case_notifications
          WHERE application_id = ANY($1::uuid[]) GROUP BY 1, 2`,
        [ids],
      ),
    ]);
    return judgeWalks(walks, { history, timeline, outputs, views, notices });
  }

  /**
   * What surveys stored of the surveys flow (by each request's marker), where its SKM tallies
   * differ from its responses (the whole database, per local day, agency and service, one
   * snapshot), and the served cases of the tracking numbers `issued`.
   */
  async surveys(sent: SurveysSent, issued: readonly string[]): Promise<SurveysFound> {
    const markers = (records: SurveysSent['skm']) => records.map((r) => r.planned.marker);
    const figures = [
      'respondents',
      'suggestions',
      ...SKM_ELEMENTS.flatMap((e) => [`s_${e.toLowerCase()}`, `c_${e.toLowerCase()}`]),
    ];
    const stored = SKM_ELEMENTS.map((e) => e.toLowerCase())
      .flatMap((u) => [`coalesce(sum(${u}), 0) AS s_${u}`, `count(${u}) AS c_${u}`])
      .join(', ');
    const [skm, complaints, tallies, served] = await Promise.all([
      this.rows<{ marker: string; id: string }>(
        ['surveys'],
        'SELECT suggestion AS marker, id::text AS id FROM skm_responses WHERE suggestion = ANY($1::text[])',
        [markers(sent.skm)],
      ),
      this.rows<{ marker: string; id: string }>(
        ['surveys'],
        'SELECT text AS marker, complaint_no AS id FROM complaints WHERE text = ANY($1::text[])',
        [markers(sent.complaints)],
      ),
      this.rows<SurveysFound['tallies'][number]>(
        ['surveys'],
        `WITH r AS (
           SELECT day, agency_code, service_code, count(*) AS respondents,
                  count(suggestion) AS suggestions, ${stored}
             FROM skm_responses GROUP BY 1, 2, 3
         ), t AS (
           SELECT day, agency_code, service_code,
                  ${figures.map((f) => `sum(${f}) AS ${f}`).join(', ')}
             FROM skm_tallies GROUP BY 1, 2, 3
         )
         SELECT day::text || ' ' || agency_code || ' ' || service_code AS key, f.figure,
                f.responses::int AS responses, f.tallied::int AS tallied
           FROM r FULL JOIN t USING (day, agency_code, service_code),
                LATERAL (VALUES ${figures
                  .map((f) => `('${f}', coalesce(r.${f}, 0), coalesce(t.${f}, 0))`)
                  .join(', ')}) AS f(figure, responses, tallied)
          WHERE f.responses <> f.tallied`,
        [],
      ),
      this.rows<SurveysFound['served'][number]>(
        ['surveys'],
        `SELECT tracking_no AS "trackingNo", finished_status AS "finishedStatus",
                service_code AS "serviceCode"
           FROM served_cases WHERE tracking_no = ANY($1::text[])`,
        [issued],
      ),
    ]);
    return { skm, complaints, tallies, served };
  }

  /** Where a row's floor flow starts: the queue's last floor event and its tickets so far. */
  async floorMark(): Promise<{ lastEvent: number; tickets: number }> {
    const [row] = await this.rows<{ lastEvent: number; tickets: number }>(
      ['queue'],
      `SELECT (SELECT coalesce(max(sequence), 0) FROM floor_events)::int AS "lastEvent",
              (SELECT count(*) FROM tickets)::int AS tickets`,
      [],
    );
    return row;
  }

  /**
   * What the queue stored of a row's floor flow: the acknowledged tickets, the row's completed
   * issue keys (their answers name the ticket), how every line's numbers run per day, the floor
   * events after `mark.lastEvent` with their ticket's code, and the called tickets' status.
   */
  async floor(
    sent: readonly TicketSent[],
    calls: readonly CallRecord[],
    mark: { lastEvent: number; tickets: number },
  ): Promise<FloorFound> {
    const codes = sent.flatMap((r) => (r.receipt ? [r.receipt.code] : []));
    const called = calls.flatMap((call) => (call.ticketCode ? [call.ticketCode] : []));
    const [[{ now }], stored, keys, numbering, events, statuses] = await Promise.all([
      this.rows<{ now: number }>(['queue'], 'SELECT count(*)::int AS now FROM tickets', []),
      this.rows<{ code: string }>(
        ['queue'],
        'SELECT trim(code) AS code FROM tickets WHERE trim(code) = ANY($1::text[])',
        [codes],
      ),
      this.rows<{ key: string; code: string }>(
        ['queue'],
        `SELECT key, response->>'code' AS code FROM idempotency_keys
          WHERE operation = $1 AND key = ANY($2::text[]) AND status = 'completed'`,
        [IssueTicket.subject, sent.map((r) => r.idempotencyKey)],
      ),
      this.rows<FloorFound['numbering'][number]>(
        ['queue'],
        `SELECT t.line, t.day::text AS day, count(*)::int AS tickets,
                count(DISTINCT t.number)::int AS distinct, min(t.number) AS min,
                max(t.number) AS max, c.last_no AS "lastNo"
           FROM tickets t LEFT JOIN ticket_counters c ON c.line = t.line AND c.day = t.day
          WHERE t.number IS NOT NULL GROUP BY t.line, t.day, c.last_no`,
        [],
      ),
      this.rows<{ sequence: string; kind: string; ticketCode: string; counterCode: string }>(
        ['queue'],
        `SELECT e.sequence::text AS sequence, e.kind, trim(t.code) AS "ticketCode",
                e.counter_code AS "counterCode"
           FROM floor_events e JOIN tickets t ON t.id = e.ticket_id
          WHERE e.sequence > $1 ORDER BY e.sequence`,
        [mark.lastEvent],
      ),
      this.rows<{ code: string; status: string }>(
        ['queue'],
        'SELECT trim(code) AS code, status FROM tickets WHERE trim(code) = ANY($1::text[])',
        [called],
      ),
    ]);
    return {
      tickets: { before: mark.tickets, now },
      stored: stored.map((row) => row.code),
      keys,
      numbering,
      events: events.map((event) => ({ ...event, sequence: Number(event.sequence) })),
      called: statuses,
    };
  }

  /** The last timeline entry tracking recorded, per application. */
  async lastRecorded(ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ id: string; last: number }>(
      ['tracking'],
      `SELECT application_id::text AS id, max(sequence)::int AS last FROM timeline_entries
        WHERE application_id = ANY($1::uuid[]) GROUP BY 1`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.last]));
  }

  /**
   * `consumer_progress` (events each durable consumer handled) and the `inbox` rows of each
   * consumer, in every database that has that table; keyed `<database>/<consumer>`.
   */
  async consumerCounts(): Promise<ConsumerCounts> {
    const counts: ConsumerCounts = new Map();
    for (const parts of this.databases) {
      if (!(await this.hasTable(parts, 'consumer_progress'))) continue;
      const rows = await this.rows<{ consumer: string; handled: string; inbox: string }>(
        parts,
        `SELECT p.consumer, p.handled::text,
                (SELECT count(*) FROM inbox i WHERE i.consumer = p.consumer)::text AS inbox
           FROM consumer_progress p`,
        [],
      );
      for (const row of rows) {
        counts.set(`${databaseName(this.prefix, ...parts)}/${row.consumer}`, {
          handled: Number(row.handled),
          inbox: Number(row.inbox),
        });
      }
    }
    return counts;
  }

  /** Events written to an outbox and not yet published, per database that has any. */
  async outboxRows(): Promise<{ total: number; details: string[] }> {
    let total = 0;
    const details: string[] = [];
    for (const parts of this.databases) {
      if (!(await this.hasTable(parts, 'outbox'))) continue;
      const [{ rows }] = await this.rows<{ rows: number }>(
        parts,
        'SELECT count(*)::int AS rows FROM outbox',
        [],
      );
      if (rows === 0) continue;
      total += rows;
      details.push(`${databaseName(this.prefix, ...parts)}: ${rows} in outbox`);
    }
    return { total, details };
  }

  /** The application an OSS permit opened, once it has (the oss service's `oss_permits`). */
  async ossPermitOpened(
    nib: string,
    idIzin: string,
  ): Promise<{ applicationId: string; trackingNo: string } | undefined> {
    const [row] = await this.rows<{ applicationId: string; trackingNo: string }>(
      ['oss'],
      `SELECT application_id::text AS "applicationId", tracking_no AS "trackingNo"
         FROM oss_permits WHERE nib = $1 AND id_izin = $2 AND state = 'OPENED'`,
      [nib, idIzin],
    );
    return row?.applicationId ? row : undefined;
  }

  /** The status of an application's case at an agency, if the agency has it. */
  async caseStatus(agencyCode: string, applicationId: string): Promise<string | undefined> {
    const [row] = await this.rows<{ status: string }>(
      ['agency', agencyCode],
      'SELECT status FROM cases WHERE application_id = $1',
      [applicationId],
    );
    return row?.status;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((pool) => pool.end()));
    this.pools.clear();
  }
}

/**
 * Events handled more often than they were recorded in the inbox between two readings: the
 * inbox holds one row per event a consumer processed, so any surplus was processed twice.
 */
export function handledTwice(
  before: ConsumerCounts,
  after: ConsumerCounts,
): { events: number; reasons: string[] } {
  let events = 0;
  const reasons: string[] = [];
  for (const [key, now] of after) {
    const then = before.get(key) ?? { handled: 0, inbox: 0 };
    const extra = now.handled - then.handled - (now.inbox - then.inbox);
    if (extra <= 0) continue;
    events += extra;
    reasons.push(`${key} handled ${extra} events beyond its new inbox rows`);
  }
  return { events, reasons };
}

/** A count of something per application: a history action, a timeline status, outputs. */
export interface Found {
  id: string;
  what: string;
  n: number;
}

/**
 * Lost: a step the system acknowledged whose record, timeline entry or output is missing.
 * Twice: any of the walked actions recorded, or their statuses shown, more than once for a case.
 */
export function judgeWalks(
  walks: readonly Walk[],
  found: {
    history: readonly Found[];
    timeline: readonly Found[];
    outputs: readonly Found[];
    /** Tracking's read model: per case, the sequence FOLDED into `case_views` and the last RECORDED. */
    views: readonly Found[];
    /** Identity's `case_notifications` per case and kind. */
    notices: readonly Found[];
  },
): AuditResult {
  const index = (rows: readonly Found[]) =>
    new Map(rows.map((row) => [`${row.id} ${row.what}`, row.n]));
  const [history, timeline, outputs, views, notices] = [
    index(found.history),
    index(found.timeline),
    index(found.outputs),
    index(found.views),
    index(found.notices),
  ];
  const lost = new Map<string, Set<string>>();
  const twice = new Map<string, Set<string>>();
  const note = (into: Map<string, Set<string>>, why: string, id: string) =>
    into.set(why, (into.get(why) ?? new Set()).add(id));
  for (const walk of walks) {
    const id = walk.applicationId;
    for (const step of WALK_STEPS) {
      const recorded = history.get(`${id} ${RECORDED_AS[step]}`) ?? 0;
      const shown = timeline.get(`${id} ${STATUS_AFTER[step]}`) ?? 0;
      if (recorded > 1) note(twice, `${RECORDED_AS[step]} recorded more than once`, id);
      if (shown > 1) note(twice, `${STATUS_AFTER[step]} timeline entry more than once`, id);
      if (!walk.steps.some((s) => s.step === step && s.acknowledged)) continue;
      if (recorded === 0) note(lost, `${step} acknowledged, no ${RECORDED_AS[step]} record`, id);
      if (shown === 0)
        note(lost, `${step} acknowledged, no ${STATUS_AFTER[step]} timeline entry`, id);
      if (step === 'ISSUE' && !outputs.has(`${id} OUTPUT`))
        note(lost, 'ISSUE acknowledged, no output', id);
      const told = TOLD_AS[step];
      if (told && !notices.has(`${id} ${told}`))
        note(lost, `${step} acknowledged, applicant not told ${told}`, id);
    }
    for (const kind of Object.values(TOLD_AS)) {
      if ((notices.get(`${id} ${kind}`) ?? 0) > 1)
        note(twice, `applicant told ${kind} more than once`, id);
    }
    if (!walk.steps.some((s) => s.acknowledged)) continue;
    const folded = views.get(`${id} FOLDED`);
    if (folded === undefined) note(lost, 'no read-model row', id);
    else if (folded < (views.get(`${id} RECORDED`) ?? 0))
      note(lost, 'read model behind its timeline entries', id);
  }
  const ids = (map: Map<string, Set<string>>) =>
    new Set([...map.values()].flatMap((set) => [...set]));
  return {
    lost: ids(lost).size,
    twice: ids(twice).size,
    reasons: [...lost, ...twice].map(([why, set]) => `walks: ${why}: ${set.size}`),
  };
}
