import { compile, identifier, joinSql, sql } from './sql';

describe('sql', () => {
  it('turns every value into a numbered parameter', () => {
    const id = "x'; DROP TABLE cases; --";
    expect(compile(sql`SELECT * FROM cases WHERE id = ${id} AND n > ${3}`)).toEqual({
      text: 'SELECT * FROM cases WHERE id = $1 AND n > $2',
      values: [id, 3],
    });
  });

  it('numbers the parameters of nested fragments in order', () => {
    const inner = sql`INSERT INTO t (a, b) VALUES (${'a'}, ${'b'})`;
    const outer = sql`WITH s AS (${inner} RETURNING 1) SELECT ${'c'}, count(*) FROM s WHERE x = ${'d'}`;
    expect(compile(outer)).toEqual({
      text: 'WITH s AS (INSERT INTO t (a, b) VALUES ($1, $2) RETURNING 1) SELECT $3, count(*) FROM s WHERE x = $4',
      values: ['a', 'b', 'c', 'd'],
    });
  });

  it('joins fragments with a separator', () => {
    const rows = [1, 2, 3].map((n) => sql`(${n}, ${`v${n}`})`);
    expect(compile(sql`VALUES ${joinSql(rows)}`)).toEqual({
      text: 'VALUES ($1, $2), ($3, $4), ($5, $6)',
      values: [1, 'v1', 2, 'v2', 3, 'v3'],
    });
    expect(compile(joinSql([sql`a = ${1}`, sql`b = ${2}`], sql` AND `)).text).toBe(
      'a = $1 AND b = $2',
    );
  });

  it('joins nothing into nothing', () => {
    expect(compile(joinSql([]))).toEqual({ text: '', values: [] });
  });

  it('quotes plain identifiers and refuses anything else', () => {
    expect(compile(sql`SELECT 1 FROM ${identifier('timeline_entries')}`).text).toBe(
      'SELECT 1 FROM "timeline_entries"',
    );
    expect(() => identifier('cases; DROP TABLE x')).toThrow(/not a plain SQL identifier/);
    expect(() => identifier('Cases')).toThrow();
  });

  it('keeps arrays and objects as single parameters', () => {
    expect(compile(sql`SELECT ${['a', 'b']}::text[], ${{ k: 1 }}::jsonb`)).toEqual({
      text: 'SELECT $1::text[], $2::jsonb',
      values: [['a', 'b'], { k: 1 }],
    });
  });
});
