/**
 * Baseline (a): the floor. Bare Fastify, no Nest, no NATS, no database: `POST /echo` parses the
 * JSON body and answers a small JSON document. Started as its own process by bench/run.ts.
 *
 *   BENCH_PORT=3000 node dist/bench/baselines/bare-fastify.js
 */
import Fastify from 'fastify';
import { exitWithParent, requiredEnv } from './shared';

async function main(): Promise<void> {
  const port = Number(requiredEnv('BENCH_PORT'));
  const app = Fastify({ logger: false });
  app.get('/ready', () => Promise.resolve({ ok: true }));
  app.post('/echo', (request) => {
    const body = request.body as { serviceCode?: unknown } | null;
    return Promise.resolve({ ok: true, serviceCode: body?.serviceCode ?? null });
  });
  await app.listen({ port, host: '127.0.0.1' });
  exitWithParent(() => app.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-fastify: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
