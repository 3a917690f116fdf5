import { jetstream } from '@nats-io/jetstream';
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
