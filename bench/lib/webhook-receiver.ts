/**
 * The webhook receiver of the bench: node:http on 127.0.0.1, a process of its own, answering 204
 * to every delivery. It verifies one delivery in BENCH_VERIFY_EVERY (1: all) with the
 * `standardwebhooks` package, as a receiver would, and counts what it saw: deliveries, webhook
 * ids seen twice, signatures that failed, and deliveries of one application out of order.
 * `GET /stats` answers the counts.
 *
 *   BENCH_PORT=… BENCH_SECRET=whsec_… [BENCH_VERIFY_EVERY=1] node dist/bench/lib/webhook-receiver.js
 */
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { exitWithParent, requiredEnv } from '../baselines/shared';

/** What `GET /stats` answers. */
export interface ReceiverStats {
  received: number;
  verified: number;
  /** Signatures that did not verify (must be 0). */
  badSignatures: number;
  /** Webhook ids received more than once (must be 0: the receiver never fails). */
  duplicates: number;
  /** Deliveries of an application that came after a later one of it (must be 0). */
  outOfOrder: number;
}

function main(): void {
  const port = Number(requiredEnv('BENCH_PORT'));
  const webhook = new Webhook(requiredEnv('BENCH_SECRET'));
  const verifyEvery = Math.max(1, Number(process.env.BENCH_VERIFY_EVERY ?? 1));
  const stats: ReceiverStats = {
    received: 0,
    verified: 0,
    badSignatures: 0,
    duplicates: 0,
    outOfOrder: 0,
  };
  const seen = new Set<string>();
  const lastOfKey = new Map<string, number>();

  const server = createServer((request, response) => {
    if (request.method === 'GET') {
      const body = request.url === '/stats' ? JSON.stringify(stats) : '{"ok":true}';
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = request.headers as Record<string, string>;
      stats.received += 1;
      if (stats.received % verifyEvery === 0) {
        try {
          webhook.verify(body, headers);
          stats.verified += 1;
        } catch {
          stats.badSignatures += 1;
        }
      }
      const id = headers['webhook-id'];
      if (seen.has(id)) stats.duplicates += 1;
      seen.add(id);
      const { data } = JSON.parse(body) as { data: { key: string; n: number } };
      if ((lastOfKey.get(data.key) ?? -1) > data.n) stats.outOfOrder += 1;
      lastOfKey.set(data.key, data.n);
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(port, '127.0.0.1');
  exitWithParent(() => new Promise((resolve) => server.close(resolve)));
}

main();
