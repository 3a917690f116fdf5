import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/** Events still on their way: delivered to no consumer yet, or delivered and not yet acked. */
export interface JetStreamBacklog {
  pending: number;
  /** `C1X_INTAKE/tracking-submitted: 12 pending, 3 unacked`, for every consumer with any. */
  details: string[];
}

/** Reads every durable consumer of the namespace's streams on the harness's own NATS. */
export async function jetStreamBacklog(
  natsUrl: string,
  namespace: string,
): Promise<JetStreamBacklog> {
  const nc = await connect({ servers: natsUrl, timeout: 3000, reconnect: false });
  try {
    const jsm = await jetstreamManager(nc, { timeout: 3000 });
    const prefix = `${namespace}_`.toUpperCase();
    let pending = 0;
    const details: string[] = [];
    for await (const stream of jsm.streams.names()) {
      if (!stream.startsWith(prefix)) continue;
      for await (const consumer of jsm.consumers.list(stream)) {
        const waiting = consumer.num_pending + consumer.num_ack_pending;
        if (waiting === 0) continue;
        pending += waiting;
        details.push(
          `${stream}/${consumer.name}: ${consumer.num_pending} pending, ${consumer.num_ack_pending} unacked`,
        );
      }
    }
    return { pending, details };
  } finally {
    await nc.close().catch(() => undefined);
  }
}
