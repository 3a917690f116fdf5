/**
 * Baselines (b) and (c): what one HTTP request costs when it crosses NATS request/reply, the way
 * the gateway reaches intake and tracking, without Nest, validation, logging or the outbox.
 *
 *   server:    Fastify; `POST /echo` sends the JSON body with `nc.request()` and answers the reply.
 *   responder: replies to each request; with BENCH_PG_URL it first INSERTs the body into a
 *              throwaway table (baseline c), through a pool of 10 like a service's.
 *
 *   NATS_URL=… BENCH_SUBJECT=… BENCH_PORT=… node dist/bench/baselines/nats-roundtrip.js server
 *   NATS_URL=… BENCH_SUBJECT=… [BENCH_PG_URL=…] node dist/bench/baselines/nats-roundtrip.js responder
 */
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { exitWithParent, requiredEnv } from './shared';

const REQUEST_TIMEOUT_MS = 5000;

async function connectNats(name: string): Promise<NatsConnection> {
  return connect({ servers: requiredEnv('NATS_URL').split(','), name });
}

async function server(): Promise<void> {
  const subject = requiredEnv('BENCH_SUBJECT');
  const port = Number(requiredEnv('BENCH_PORT'));
  const nc = await connectNats('bench-roundtrip-server');
  const app = Fastify({ logger: false });

  // Ready only when the whole round trip works, responder included.
  app.get('/ready', async (_request, reply) => {
    try {
      await nc.request(subject, JSON.stringify({ ping: true }), { timeout: 1000 });
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });
  app.post('/echo', async (request, reply) => {
    const answer = (
      await nc.request(subject, JSON.stringify(request.body ?? null), {
        timeout: REQUEST_TIMEOUT_MS,
      })
    ).json<{
      ok: boolean;
      error?: string;
    }>();
    if (!answer.ok) return reply.code(500).send(answer);
    return answer;
  });
  await app.listen({ port, host: '127.0.0.1' });
  exitWithParent(async () => {
    await app.close();
    await nc.drain();
  });
}

async function responder(): Promise<void> {
  const subject = requiredEnv('BENCH_SUBJECT');
  const pgUrl = process.env.BENCH_PG_URL;
  const pool = pgUrl
    ? new Pool({ connectionString: pgUrl, max: 10, application_name: 'bench-responder' })
    : undefined;
  if (pool) {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS bench_rows (
         id bigserial PRIMARY KEY,
         payload jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }
  const nc = await connectNats(pool ? 'bench-responder-pg' : 'bench-responder');

  const handle = async (msg: Msg): Promise<void> => {
    try {
      const body = msg.json<{ ping?: boolean } | null>();
      if (body?.ping || !pool) {
        msg.respond(JSON.stringify({ ok: true }));
        return;
      }
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO bench_rows (payload) VALUES ($1) RETURNING id',
        [JSON.stringify(body)],
      );
      msg.respond(JSON.stringify({ ok: true, id: rows[0].id }));
    } catch (error) {
      msg.respond(
        JSON.stringify({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
  // A callback, not an iterator: requests are handled concurrently, as Nest's NATS server does.
  nc.subscribe(subject, {
    queue: 'bench-responder',
    callback: (error, msg) => void (error ? undefined : handle(msg)),
  });
  await nc.flush();
  exitWithParent(async () => {
    await nc.drain();
    await pool?.end();
  });
}

const role = process.argv[2];
const main = role === 'server' ? server : role === 'responder' ? responder : undefined;
if (!main) {
  process.stderr.write('usage: nats-roundtrip.js server|responder\n');
  process.exit(2);
}
main().catch((error: unknown) => {
  process.stderr.write(
    `nats-roundtrip ${role}: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
