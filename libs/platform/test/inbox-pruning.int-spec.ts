import { Test, type TestingModule } from '@nestjs/testing';
import { CoreModule, ServiceMetrics, baseEnv, createLogger, loadConfig } from '@satupintu/common';
import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { databaseName, executorOf, sql, type Executor } from '@satupintu/persistence';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { eventually, testEnvironment } from '@satupintu/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PruneInbox, serviceInfrastructure } from '../src';

/** A service's infrastructure, as every service starts it, pruning its inbox through a job. */
describe('inbox pruning', () => {
  const env = testEnvironment();
  let module: TestingModule;
  let db: Executor;

  beforeAll(async () => {
    const config = loadConfig(baseEnv, { ...env, HTTP_PORT: '3999', LOG_LEVEL: 'silent' });
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(
          createLogger('platform-test', 'silent'),
          new ServiceMetrics('platform-test'),
        ),
        ...serviceInfrastructure({
          config,
          name: 'platform-test',
          database: databaseName(env.DB_PREFIX, 'platform_test'),
          migrations: [
            CreateOutboxAndInbox1763856000000,
            AddOrderingAndRetriesToOutbox1764400000000,
            CreateJobs1764400000100,
          ],
        }),
      ],
    }).compile();
    await module.init();
    db = executorOf(module.get(DataSource));
  });

  afterAll(async () => {
    await module?.close();
  });

  const pruneJobs = () =>
    db.query(sql<{ state: string; key: string; payload: unknown; waits_an_hour: boolean }>`
      SELECT state, key, payload, due_at > now() + interval '59 minutes' AS waits_an_hour
        FROM jobs WHERE kind = ${PruneInbox.kind}`);

  it('deletes inbox rows older than the retention through an hourly job, and keeps the recent ones', async () => {
    // It ran once at start-up (an empty inbox) and waits an hour for its next run.
    await eventually(async () =>
      expect(await pruneJobs()).toEqual([
        { state: 'pending', key: 'recurring', payload: { retentionDays: 30 }, waits_an_hour: true },
      ]),
    );
    const [old, recent] = [randomUUID(), randomUUID()];
    await db.execute(sql`
      INSERT INTO inbox (consumer, message_id, processed_at)
      VALUES ('prune-test', ${old}, now() - interval '31 days'),
             ('prune-test', ${recent}, now() - interval '29 days')`);

    await db.execute(sql`UPDATE jobs SET due_at = now() WHERE kind = ${PruneInbox.kind}`);
    await eventually(async () => expect((await pruneJobs())[0]?.waits_an_hour).toBe(true));

    const left = await db.query(
      sql<{ message_id: string }>`SELECT message_id FROM inbox WHERE consumer = 'prune-test'`,
    );
    expect(left).toEqual([{ message_id: recent }]);
    expect(await pruneJobs()).toHaveLength(1);
  });
});
