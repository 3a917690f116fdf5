import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import type { EventContract } from '@satupintu/contracts';
import { EVENT_ID_HEADER, eventSubject } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';

/**
 * Publishes events straight into JetStream, as a service's relay would (event id header and
 * message id), so a test can lay down a backlog of hundreds in a moment. Answers the event ids.
 */
export async function publishEvents<T>(
  natsUrl: string,
  namespace: string,
  event: EventContract<T>,
  payloads: T[],
): Promise<string[]> {
  const nc = await connect({ servers: natsUrl.split(',') });
  try {
    const js = jetstream(nc);
    const ids: string[] = [];
    for (let i = 0; i < payloads.length; i += 100) {
      await Promise.all(
        payloads.slice(i, i + 100).map((payload) => {
          const id = randomUUID();
          ids.push(id);
          const h = headers();
          h.set(EVENT_ID_HEADER, id);
          return js.publish(
            eventSubject(namespace, event.subject, event.routingKey(payload)),
            JSON.stringify(payload),
            { msgID: id, headers: h },
          );
        }),
      );
    }
    return ids;
  } finally {
    await nc.close();
  }
}

export interface StoredMessage {
  stream: string;
  seq: number;
  subject: string;
  data: string;
  headers: Record<string, string>;
}

/**
 * Every message still stored in the streams whose names start with `prefix` (a namespace's,
 * upper case): what a test can read back of what the services published.
 */
export async function readStreams(natsUrl: string, prefix: string): Promise<StoredMessage[]> {
  const nc = await connect({ servers: natsUrl.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    const messages: StoredMessage[] = [];
    for await (const name of jsm.streams.names()) {
      if (!name.startsWith(prefix)) continue;
      const { state } = await jsm.streams.info(name);
      for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
        const stored = await jsm.streams.getMessage(name, { seq }).catch(() => null);
        if (!stored) continue; // deleted meanwhile
        const headers: Record<string, string> = {};
        for (const [key, values] of stored.header ?? [])
          headers[key.toLowerCase()] = values.join(',');
        messages.push({
          stream: name,
          seq,
          subject: stored.subject,
          data: stored.string(),
          headers,
        });
      }
    }
    return messages;
  } finally {
    await nc.close();
  }
}
