import type { EventContract } from '@satupintu/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { eventSubject, streamName } from '../namespace';
import type { NatsClients } from '../nats.module';

/**
 * The last event a stream holds for one routing token (the current profile of one applicant on
 * a latest-per-subject stream), validated against its contract; undefined when there is none.
 * A read of JetStream, not a request to the service that published it.
 */
export async function latestEvent<T>(
  nats: NatsClients,
  event: EventContract<T>,
  routingToken: string,
): Promise<T | undefined> {
  const stored = await nats.whileConnected(
    nats.jsm.streams.getMessage(streamName(nats.namespace, event.stream.name), {
      last_by_subj: eventSubject(nats.namespace, event.subject, routingToken),
    }),
  );
  if (!stored) return undefined;
  const payload = plainToInstance(event.payload, stored.json<object>());
  return (await validate(payload as object)).length === 0 ? payload : undefined;
}
