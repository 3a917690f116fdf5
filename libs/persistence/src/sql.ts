import type { ClientBase, Pool, QueryResultRow } from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

const SQL = Symbol('sql');

/**
 * A piece of SQL with its parameters kept apart from its text: built only by the `sql` tag, so
 * a value can never become SQL text. Fragments nest (`sql\`… ${other} …\``) and the parameters
 * are numbered when the whole statement is compiled, so statements compose without anyone
 * counting `$n` by hand. `Row` is the type of the rows the statement answers.
 */
export interface Sql<Row = unknown> {
  readonly [SQL]: true;
  readonly chunks: readonly string[];
  readonly values: readonly unknown[];
  /** Phantom: carries the row type; never set at run time. */
  readonly row?: Row;
}

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && SQL in value;
}

/** `sql<Row>\`SELECT … WHERE id = ${id}\``: values become parameters, `Sql` values nest. */
export function sql<Row = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Sql<Row> {
  return { [SQL]: true, chunks: [...strings], values };
}

/** Fragments joined by a separator: `joinSql(rows, sql\`, \`)`. */
export function joinSql(fragments: readonly Sql[], separator: Sql = sql`, `): Sql {
  if (fragments.length === 0) return sql``;
  const chunks: string[] = [''];
  const values: unknown[] = [];
  fragments.forEach((fragment, index) => {
    if (index > 0) {
      chunks.push('');
      values.push(separator);
    }
    values.push(fragment);
    chunks.push('');
  });
  return { [SQL]: true, chunks, values };
}

/** A name that cannot be a parameter (a table or a column), checked and quoted. */
export function identifier(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return { [SQL]: true, chunks: [`"${name}"`], values: [] };
}

export interface CompiledSql {
  text: string;
  values: unknown[];
}

/** The statement's text with `$1…$n`, and its parameters in that order. */
export function compile(statement: Sql): CompiledSql {
  const values: unknown[] = [];
  const text = render(statement, values);
  return { text, values };
}

function render(statement: Sql, values: unknown[]): string {
  let text = statement.chunks[0] ?? '';
  statement.values.forEach((value, index) => {
    if (isSql(value)) {
      text += render(value, values);
    } else {
      values.push(value);
      text += `$${values.length}`;
    }
    text += statement.chunks[index + 1] ?? '';
  });
  return text;
}

export interface Written<Row> {
  rows: Row[];
  /** Rows the statement inserted, updated or deleted (for SELECT: rows answered). */
  count: number;
}

/**
 * Runs statements: on the service's pool, or inside a transaction. Repositories take one, so
 * the same query serves a read on its own and a write inside a unit of work.
 */
export interface Executor {
  query<Row>(statement: Sql<Row>): Promise<Row[]>;
  execute<Row>(statement: Sql<Row>): Promise<Written<Row>>;
}

/** An executor over a TypeORM transaction's manager or over the whole data source. */
export function executorOf(target: EntityManager | DataSource): Executor {
  const withRunner = async <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => {
    if (!(target instanceof DataSource) && target.queryRunner) return work(target.queryRunner);
    const dataSource = target instanceof DataSource ? target : target.dataSource;
    const runner = dataSource.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  };
  const execute = <Row>(statement: Sql<Row>): Promise<Written<Row>> =>
    withRunner(async (runner) => {
      const { text, values } = compile(statement);
      // Structured: TypeORM otherwise answers UPDATE/DELETE with [rows, count] and SELECT with rows.
      const result = (await runner.query(text, values, true)) as {
        records: Row[];
        affected?: number;
      };
      return { rows: result.records ?? [], count: result.affected ?? result.records?.length ?? 0 };
    });
  return {
    execute,
    query: async (statement) => (await execute(statement)).rows,
  };
}

/**
 * A read that PostgreSQL parses and plans once per pooled connection and then runs by name, on
 * the pool TypeORM keeps, without a query runner per call: for a hot read whose planning costs
 * more than its execution (the public lookup's, ADR 0023). After five runs PostgreSQL settles on
 * a generic plan when it is no worse than the custom ones, as it is for a lookup by a unique key.
 * The name stands for one text: node-postgres refuses another text under a name it prepared.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  statement: Sql<Row>,
): Promise<Row[]> {
  const { text, values } = compile(statement);
  const result = await poolOf(dataSource).query<Row & QueryResultRow>({ name, text, values });
  return result.rows;
}

/** The node-postgres pool under a TypeORM PostgreSQL data source. */
function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the data source has no PostgreSQL pool (not initialized?)');
  return pool;
}

/** An executor over a node-postgres client or pool: for a command-line tool that runs without Nest. */
export function executorOver(client: ClientBase | Pool): Executor {
  const execute: Executor['execute'] = async <Row>(statement: Sql<Row>) => {
    const { text, values } = compile(statement);
    const result = await client.query<Row & QueryResultRow>(text, values);
    return { rows: result.rows as Row[], count: result.rowCount ?? result.rows.length };
  };
  return { execute, query: async (statement) => (await execute(statement)).rows };
}
