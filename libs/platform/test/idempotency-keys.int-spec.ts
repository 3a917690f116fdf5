import { Test, type TestingModule } from '@nestjs/testing';
import {
  CoreModule,
  DomainError,
  ServiceMetrics,
  baseEnv,
  createLogger,
  loadConfig,
  type RequestContext,
} from '@satupintu/common';
import { ANONYMOUS, type Principal } from '@satupintu/contracts';
import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
  IdempotencyKeys,
  UnitOfWork,
  unwrapReply,
  type IdempotencyClaim,
  type IdempotencyKeyId,
} from '@satupintu/messaging';
import { databaseName, executorOf, sql, type Executor } from '@satupintu/persistence';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { eventually, testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyModule, PruneIdempotencyKeys, serviceInfrastructure } from '../src';

/**
 * The key store of ADR 0017 against real PostgreSQL, as a service starts it: what the gateway
 * cannot show from outside (an attempt that lost its key to a takeover creates nothing) and the
 * job that forgets expired keys.
 */
describe('idempotency keys', () => {
  const env = testEnvironment();
  let module: TestingModule;
  let db: Executor;
  let keys: IdempotencyKeys;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    const config = loadConfig(baseEnv, { ...env, HTTP_PORT: '3998', LOG_LEVEL: 'silent' });
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(
          createLogger('idempotency-test', 'silent'),
          new ServiceMetrics('idempotency-test'),
        ),
        ...serviceInfrastructure({
          config,
          name: 'idempotency-test',
          database: databaseName(env.DB_PREFIX, 'idempotency_test'),
          migrations: [
            CreateOutboxAndInbox1763856000000,
            AddOrderingAndRetriesToOutbox1764400000000,
            CreateJobs1764400000100,
            CreateIdempotencyKeys1765000000000,
          ],
        }),
        IdempotencyModule,
      ],
    }).compile();
    await module.init();
    db = executorOf(module.get(DataSource));
    keys = module.get(IdempotencyKeys);
    unitOfWork = module.get(UnitOfWork);
    await db.execute(sql`CREATE TABLE IF NOT EXISTS things (id uuid PRIMARY KEY, owner text)`);
  });

  afterAll(async () => {
    await module?.close();
  });

  const caller = (): RequestContext => {
    const principal: Principal = {
      kind: 'applicant',
      subject: randomUUID(),
      roles: [],
      scopes: [],
    };
    return { requestId: 'r', traceparent: '', principal, idempotencyKey: randomUUID() };
  };
  const create = (claim: IdempotencyClaim | undefined, owner: string) => {
    const id = randomUUID();
    return unitOfWork
      .writeWithEvents(sql`INSERT INTO things (id, owner) VALUES (${id}, ${owner})`, [], {
        ...(claim ? { completes: { claim, response: { id } } } : {}),
      })
      .then(() => ({ id }));
  };
  const thingsOf = async (owner: string) =>
    (
      await db.query(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM things WHERE owner = ${owner}`,
      )
    )[0].n;

  it('replays the first answer under the key, and creates once', async () => {
    const context = caller();
    const owner = randomUUID();
    const first = await keys.run(context, 'things.create', { a: 1 }, (claim) =>
      create(claim, owner),
    );
    const again = await keys.run(context, 'things.create', { a: 1 }, (claim) =>
      create(claim, owner),
    );
    expect(unwrapReply(first)).toEqual({ response: first, replayed: false });
    expect(unwrapReply(again)).toEqual({ response: first, replayed: true });
    expect(await thingsOf(owner)).toBe(1);
  });

  it('creates nothing when another attempt took the key over meanwhile (409)', async () => {
    const context = caller();
    const owner = randomUUID();
    const error: unknown = await keys
      .run(context, 'things.create', { a: 1 }, async (claim) => {
        // Another attempt takes the key over, as after this one seemed dead.
        await db.execute(sql`
          UPDATE idempotency_keys SET attempt = gen_random_uuid()
           WHERE key = ${context.idempotencyKey}`);
        return create(claim, owner);
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'idempotency_key_in_flight', status: 409 });
    expect(await thingsOf(owner)).toBe(0);
    // The other attempt's key is still there, in flight: this one did not release it.
    const [row] = await db.query(
      sql<{
        status: string;
      }>`SELECT status FROM idempotency_keys WHERE key = ${context.idempotencyKey}`,
    );
    expect(row).toEqual({ status: 'in_flight' });
  });

  it('lets the key go when the work fails, and refuses work that forgets to complete it', async () => {
    const context = caller();
    const owner = randomUUID();
    await expect(
      keys.run(context, 'things.create', { a: 1 }, () => {
        throw new DomainError('unprocessable', 422);
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      keys.run(context, 'things.create', { a: 2 }, () => Promise.resolve('forgot')),
    ).rejects.toThrow('without completing its idempotency claim');
    const left = await db.query(
      sql`SELECT 1 FROM idempotency_keys WHERE key = ${context.idempotencyKey}`,
    );
    expect(left).toEqual([]);
    await keys.run(context, 'things.create', { a: 3 }, (claim) => create(claim, owner));
    expect(await thingsOf(owner)).toBe(1);
  });

  it('completes inside a transaction as well', async () => {
    const context = caller();
    const owner = randomUUID();
    const work = (claim: IdempotencyClaim | undefined) =>
      unitOfWork.run(async (tx) => {
        const id = randomUUID();
        await tx.execute(sql`INSERT INTO things (id, owner) VALUES (${id}, ${owner})`);
        if (claim) await keys.complete(tx, claim, { id });
        return { id };
      });
    const first = await keys.run(context, 'things.create', { a: 1 }, work);
    const again = await keys.run(context, 'things.create', { a: 1 }, work);
    expect(unwrapReply(again)).toEqual({ response: first, replayed: true });
    expect(await thingsOf(owner)).toBe(1);
  });

  it('keeps the answer as the service seals it, and replays it opened', async () => {
    const context = caller();
    const owner = randomUUID();
    const sealing = {
      seal: (answer: { id: string }, key: IdempotencyKeyId) => ({
        sealedFor: `${key.caller} ${key.operation} ${key.key}`,
        id: [...answer.id].reverse().join(''),
      }),
      open: (stored: unknown, key: IdempotencyKeyId) => {
        const kept = stored as { sealedFor: string; id: string };
        expect(kept.sealedFor).toBe(`${key.caller} ${key.operation} ${key.key}`);
        return { id: [...kept.id].reverse().join('') };
      },
    };
    const work = (claim: IdempotencyClaim | undefined) => create(claim, owner);
    const first = await keys.run(context, 'things.create', { a: 1 }, work, { sealing });
    const again = await keys.run(context, 'things.create', { a: 1 }, work, { sealing });
    expect(unwrapReply(again)).toEqual({ response: first, replayed: true });
    const [row] = await db.query(
      sql<{ response: string }>`SELECT response::text AS response FROM idempotency_keys
        WHERE key = ${context.idempotencyKey}`,
    );
    expect(row?.response).not.toContain(first.id);
    expect(await thingsOf(owner)).toBe(1);
  });

  it('keeps an anonymous caller’s key only under the scope the service derives', async () => {
    const anonymous = (): RequestContext => ({ ...caller(), principal: ANONYMOUS });
    const owner = randomUUID();
    const work = (claim: IdempotencyClaim | undefined) => create(claim, owner);
    const unscoped = anonymous();
    await keys.run(unscoped, 'things.create', { a: 1 }, work);
    const again = await keys.run(unscoped, 'things.create', { a: 1 }, work);
    expect(unwrapReply(again).replayed).toBe(false);

    const scoped = anonymous();
    const scope = { anonymousScope: `nik:${randomUUID()}` };
    const first = await keys.run(scoped, 'things.create', { a: 1 }, work, scope);
    const replayed = await keys.run(scoped, 'things.create', { a: 1 }, work, scope);
    expect(unwrapReply(replayed)).toEqual({ response: first, replayed: true });
    // The same key under another scope is another key.
    const elsewhere = { anonymousScope: `nik:${randomUUID()}` };
    const other = await keys.run(scoped, 'things.create', { a: 1 }, work, elsewhere);
    expect(unwrapReply(other).replayed).toBe(false);
    expect(await thingsOf(owner)).toBe(4);
    const callersOf = async (key: string | undefined) =>
      (
        await db.query(
          sql<{ caller: string }>`SELECT caller FROM idempotency_keys WHERE key = ${key}
            ORDER BY caller`,
        )
      ).map((row) => row.caller);
    expect(await callersOf(unscoped.idempotencyKey)).toEqual([]);
    expect(await callersOf(scoped.idempotencyKey)).toEqual(
      [`anonymous:${scope.anonymousScope}`, `anonymous:${elsewhere.anonymousScope}`].sort(),
    );
  });

  it('forgets expired keys through an hourly job, and keeps the others', async () => {
    const pruneJobs = () =>
      db.query(sql<{ waits_an_hour: boolean }>`
        SELECT due_at > now() + interval '59 minutes' AS waits_an_hour
          FROM jobs WHERE kind = ${PruneIdempotencyKeys.kind}`);
    await eventually(async () => expect(await pruneJobs()).toEqual([{ waits_an_hour: true }]));
    const [expired, live] = [caller(), caller()];
    for (const context of [expired, live])
      await keys.run(context, 'things.create', {}, (claim) => create(claim, randomUUID()));
    await db.execute(sql`
      UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
       WHERE key = ${expired.idempotencyKey}`);

    await db.execute(sql`UPDATE jobs SET due_at = now() WHERE kind = ${PruneIdempotencyKeys.kind}`);
    await eventually(async () => expect(await pruneJobs()).toEqual([{ waits_an_hour: true }]));

    const left = await db.query(
      sql<{ key: string }>`SELECT key FROM idempotency_keys
        WHERE key IN (${expired.idempotencyKey}, ${live.idempotencyKey})`,
    );
    expect(left).toEqual([{ key: live.idempotencyKey }]);
  });
});
