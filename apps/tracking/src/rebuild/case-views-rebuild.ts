import { joinSql, sql, type Executor, type Sql } from '@satupintu/persistence';
import {
  caseView,
  foldCase,
  type CaseFacts,
  type CaseRules,
  type CaseStep,
  type CaseView,
} from '../cases/case-view';
import {
  CASE_FACTS,
  CASE_STEP,
  CASE_VIEW_COLUMNS,
  HOLD_CASE_VIEWS_WRITES,
  viewValues,
} from '../cases/case-views.repository';

/**
 * The version of the fold (`caseView`, `advanceCase` in cases/case-view.ts). Raise it when the
 * fold changes what it computes: a tracking that starts with `read_model_version` behind it
 * rebuilds `case_views` from the retained history before it consumes events.
 */
export const CASE_VIEWS_VERSION = 1;

/** Where the rebuild runs: a pool (the reader and the writer work at once) and a held connection. */
export interface RebuildDatabase {
  pool: Executor;
  /** One connection for the whole of `work`: session locks and the swap's transaction. */
  connection<T>(work: (db: Executor) => Promise<T>): Promise<T>;
}

export interface RebuildOptions {
  /** Applications read, folded and written at a time. */
  batchSize?: number;
  /** Wait for a rebuild already running instead of refusing to start. */
  wait?: boolean;
  /** Rebuild only if `read_model_version` is behind `CASE_VIEWS_VERSION` (the start of tracking). */
  onlyIfBehind?: boolean;
}

export interface RebuildSummary {
  /** Rows `case_views` has after the swap. */
  cases: number;
  /** Applications folded from the history into the new table before the catch-up. */
  rebuilt: number;
  /** Changed while the rebuild ran (an event arrived): folded again, and then as the live row. */
  caughtUp: number;
  /** Live rows that differed from their history (not explained by an event during the rebuild). */
  mismatches: number;
  /** Of those, cases the live read model did not have at all (as before its first rebuild). */
  missing: number;
  /** Up to 20 of them, for a look at what went wrong. */
  mismatched: string[];
  version: number;
  /** Milliseconds: folding into the new table, then the catch-up and swap (live writes wait). */
  buildMs: number;
  catchUpMs: number;
}

const DEFAULT_BATCH = 5000;
/** Batches written at once (the pool needs this many connections, and one to read). */
const WRITES = 2;
/** Rows per INSERT: 23 parameters each, well under PostgreSQL's 65,535. */
const INSERT_ROWS = 2000;
const REBUILD_LOCK = sql`hashtext('satupintu:tracking:case-views-rebuild'), 0`;

/**
 * Replays the retained history (`applications`, `timeline_entries`) into `case_views_next` with
 * the fold the live projection uses, while events keep arriving, and swaps it in.
 *
 * Which cases an event changed meanwhile is told by the entries' ids: every event's transaction
 * holds the case views' lock shared from its start (before its entry takes an id) to its commit,
 * so with the lock held exclusively, even for a moment, every entry is committed and each one
 * after is numbered higher than the highest seen then. The rebuild notes that highest id when it
 * starts and again when it has read everything; the cases with entries between the two are folded
 * again; then the whole new table is compared with the live one (without the lock): a case that
 * differs and has no later entry is a live row that disagrees with its history, a mismatch. Last,
 * with the lock held (live writes wait), the cases with entries after the second mark are folded
 * again and compared, and the tables are swapped by renames in that transaction. One rebuild
 * runs at a time.
 */
export async function rebuildCaseViews(
  database: RebuildDatabase,
  rules: CaseRules,
  options: RebuildOptions = {},
): Promise<RebuildSummary | undefined> {
  return database.connection(async (control) => {
    if (options.wait) await control.query(sql`SELECT pg_advisory_lock(${REBUILD_LOCK})`);
    else {
      const [lock] = await control.query<{ mine: boolean }>(
        sql`SELECT pg_try_advisory_lock(${REBUILD_LOCK}) AS mine`,
      );
      if (!lock.mine) throw new Error('a rebuild of case_views is already running');
    }
    try {
      if (options.onlyIfBehind && (await storedVersion(control)) >= CASE_VIEWS_VERSION)
        return undefined;
      return await rebuild(database.pool, control, rules, options.batchSize ?? DEFAULT_BATCH);
    } finally {
      await control.query(sql`SELECT pg_advisory_unlock(${REBUILD_LOCK})`);
    }
  });
}

async function storedVersion(db: Executor): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    sql`SELECT version FROM read_model_version WHERE name = 'case_views'`,
  );
  return row?.version ?? 0;
}

/** Runs `work` in a transaction on the held connection. */
async function inTransaction<T>(control: Executor, work: () => Promise<T>): Promise<T> {
  await control.execute(sql`BEGIN`);
  try {
    const result = await work();
    await control.execute(sql`COMMIT`);
    return result;
  } catch (error) {
    await control.execute(sql`ROLLBACK`);
    throw error;
  }
}

/** The highest entry id, with every event transaction before it committed (see above). */
function mark(control: Executor): Promise<string> {
  return inTransaction(control, async () => {
    await control.query(HOLD_CASE_VIEWS_WRITES);
    return highestEntry(control);
  });
}

async function highestEntry(db: Executor): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    sql`SELECT coalesce(max(id), 0)::text AS id FROM timeline_entries`,
  );
  return row.id;
}

/** Cases with an entry numbered after `after` (an index range on the entries' key). */
async function casesChangedAfter(db: Executor, after: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    sql`SELECT DISTINCT application_id AS id FROM timeline_entries WHERE id > ${after}::bigint`,
  );
  return rows.map((row) => row.id);
}

async function rebuild(
  pool: Executor,
  control: Executor,
  rules: CaseRules,
  batchSize: number,
): Promise<RebuildSummary> {
  const started = Date.now();
  await prepareNextTable(control);
  const first = await mark(control);
  const rebuilt = await foldEverything(pool, rules, batchSize);
  const second = await mark(control);
  const changed = new Set(await casesChangedAfter(control, first));
  await refold(control, [...changed], rules, batchSize);
  await indexNextTable(control);
  const differing = await differingCases(control);
  const building = Date.now() - started;

  return inTransaction(control, async () => {
    await control.query(HOLD_CASE_VIEWS_WRITES);
    const late = new Set(await casesChangedAfter(control, second));
    await refold(control, [...late], rules, batchSize);
    const mismatched = [
      ...differing.filter((row) => !late.has(row.id)),
      ...(await differingCases(control, [...late])),
    ];
    for (const id of late) changed.add(id);
    const wrong = new Set(mismatched.map((row) => row.id));
    await swap(control);
    await control.execute(sql`
      INSERT INTO read_model_version (name, version, rebuilt_at)
      VALUES ('case_views', ${CASE_VIEWS_VERSION}, now())
      ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, rebuilt_at = EXCLUDED.rebuilt_at`);
    const [{ cases }] = await control.query<{ cases: number }>(
      sql`SELECT count(*)::int AS cases FROM case_views`,
    );
    return {
      cases,
      rebuilt,
      caughtUp: [...changed].filter((id) => !wrong.has(id)).length,
      mismatches: mismatched.length,
      missing: mismatched.filter((row) => row.missing).length,
      mismatched: mismatched.slice(0, 20).map((row) => row.id),
      version: CASE_VIEWS_VERSION,
      buildMs: building,
      catchUpMs: Date.now() - started - building,
    };
  });
}

/** Folds these cases again from their history as it is now, in place of their rebuilt rows. */
async function refold(
  db: Executor,
  ids: readonly string[],
  rules: CaseRules,
  batchSize: number,
): Promise<void> {
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const where = sql`application_id = ANY(${batch}::uuid[])`;
    const views = await foldCases(db, where, rules);
    await db.execute(sql`DELETE FROM case_views_next WHERE ${where}`);
    await insertViews(db, views);
  }
}

/**
 * `case_views_next` as `case_views` is (columns, defaults, checks), without its indexes: they are
 * built once the rows are in, which is several times faster than keeping them up while loading.
 * A table left by a rebuild that died goes first (no other rebuild runs: the lock is held).
 */
async function prepareNextTable(control: Executor): Promise<void> {
  await control.execute(sql`DROP TABLE IF EXISTS case_views_next`);
  await control.execute(sql`
    CREATE TABLE case_views_next (LIKE case_views INCLUDING ALL EXCLUDING INDEXES)`);
}

/**
 * Every index of `case_views`, by its own definition, on `case_views_next` as `next_<name>`;
 * those behind a primary key or unique constraint become that constraint again.
 */
async function indexNextTable(control: Executor): Promise<void> {
  await control.execute(sql`SET maintenance_work_mem = '256MB'`);
  await control.execute(sql`
    DO $$
    DECLARE index record;
    BEGIN
      FOR index IN
        SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, k.contype
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid
          LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
         WHERE i.indrelid = 'case_views'::regclass
      LOOP
        EXECUTE regexp_replace(index.definition, '^(CREATE (UNIQUE )?INDEX )\\S+ ON \\S+ ',
          '\\1' || quote_ident('next_' || index.name) || ' ON case_views_next ');
        IF index.contype = 'p' THEN
          EXECUTE format('ALTER TABLE case_views_next ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I',
            'next_' || index.name, 'next_' || index.name);
        ELSIF index.contype = 'u' THEN
          EXECUTE format('ALTER TABLE case_views_next ADD CONSTRAINT %I UNIQUE USING INDEX %I',
            'next_' || index.name, 'next_' || index.name);
        END IF;
      END LOOP;
    END $$`);
  await control.execute(sql`RESET maintenance_work_mem`);
  await control.execute(sql`ANALYZE case_views_next`);
}

/**
 * The old table's triggers, by their own definitions, go on the new one; then the old table goes
 * and the new one takes its name and its indexes' names (constraints follow). The triggers are
 * added last, so none fires for the rebuild's own writes: re-deriving a row is not news.
 */
async function swap(control: Executor): Promise<void> {
  await control.execute(sql`
    DO $$
    DECLARE trigger record;
    BEGIN
      FOR trigger IN
        SELECT pg_get_triggerdef(oid) AS definition FROM pg_trigger
         WHERE tgrelid = 'case_views'::regclass AND NOT tgisinternal
      LOOP
        EXECUTE regexp_replace(trigger.definition, ' ON \\S+ ', ' ON case_views_next ');
      END LOOP;
    END $$`);
  await control.execute(sql`DROP TABLE case_views`);
  await control.execute(sql`ALTER TABLE case_views_next RENAME TO case_views`);
  await control.execute(sql`
    DO $$
    DECLARE index record;
    BEGIN
      FOR index IN
        SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = 'case_views'::regclass AND c.relname LIKE 'next\\_%'
      LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', index.name, substr(index.name, 6));
      END LOOP;
    END $$`);
}

/**
 * Cases whose live row and rebuilt row differ, or that only one of the two has (`missing`: the
 * live one lacks it); all of them, or only those of `ids`.
 */
function differingCases(db: Executor, ids?: readonly string[]) {
  const only = ids ? sql`WHERE application_id = ANY(${ids}::uuid[])` : sql``;
  return db.query<{ id: string; missing: boolean }>(sql`
    SELECT coalesce(live.application_id, rebuilt.application_id) AS id,
           live.application_id IS NULL AS missing
      FROM (SELECT * FROM case_views ${only}) live
      FULL JOIN (SELECT * FROM case_views_next ${only}) rebuilt USING (application_id)
     WHERE (live.*) IS DISTINCT FROM (rebuilt.*)`);
}

/**
 * Every application in batches by id (keyset), each batch's entries in one range query. The next
 * batch is read while this one is folded, and up to `WRITES` batches are written at once, each on
 * its own connection: PostgreSQL binding the rows' parameters is as much work as Node's fold.
 */
async function foldEverything(
  pool: Executor,
  rules: CaseRules,
  batchSize: number,
): Promise<number> {
  let written = 0;
  const writing: Promise<void>[] = [];
  const read = async (after: string | null) => {
    const facts = await pool.query<CaseFacts>(sql`
      SELECT ${CASE_FACTS} FROM applications
       WHERE ${after === null ? sql`true` : sql`application_id > ${after}`}
       ORDER BY application_id LIMIT ${batchSize}`);
    if (facts.length === 0) return { facts, steps: [] };
    const first = facts[0].applicationId;
    const last = facts[facts.length - 1].applicationId;
    return {
      facts,
      steps: await readSteps(pool, sql`application_id BETWEEN ${first} AND ${last}`),
    };
  };
  let reading = read(null);
  for (;;) {
    const { facts, steps } = await reading;
    if (facts.length === 0) break;
    reading = read(facts[facts.length - 1].applicationId);
    const views = fold(facts, steps, rules);
    if (writing.length >= WRITES) await writing.shift();
    const write = insertViews(pool, views);
    // Awaited in turn below; until then a failure must not count as unhandled.
    write.catch(() => undefined);
    writing.push(write);
    written += views.length;
  }
  await Promise.all(writing);
  return written;
}

async function foldCases(db: Executor, where: Sql, rules: CaseRules): Promise<CaseView[]> {
  const facts = await db.query<CaseFacts>(
    sql`SELECT ${CASE_FACTS} FROM applications WHERE ${where} ORDER BY application_id`,
  );
  return fold(facts, await readSteps(db, where), rules);
}

function readSteps(db: Executor, where: Sql) {
  return db.query<CaseStep & { applicationId: string }>(sql`
    SELECT application_id AS "applicationId", ${CASE_STEP} FROM timeline_entries
     WHERE ${where} AND sequence > 0
     ORDER BY application_id, sequence`);
}

function fold(
  facts: readonly CaseFacts[],
  steps: readonly (CaseStep & { applicationId: string })[],
  rules: CaseRules,
): CaseView[] {
  const stepsOf = new Map<string, CaseStep[]>();
  for (const step of steps) {
    const held = stepsOf.get(step.applicationId);
    if (held) held.push(step);
    else stepsOf.set(step.applicationId, [step]);
  }
  return facts.map((f) => foldCase(caseView(f), stepsOf.get(f.applicationId) ?? [], rules));
}

async function insertViews(db: Executor, views: readonly CaseView[]): Promise<void> {
  for (let i = 0; i < views.length; i += INSERT_ROWS)
    await db.execute(sql`
      INSERT INTO case_views_next (${CASE_VIEW_COLUMNS})
      VALUES ${joinSql(views.slice(i, i + INSERT_ROWS).map(viewValues))}`);
}
