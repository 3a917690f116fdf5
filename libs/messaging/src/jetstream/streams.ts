import {
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import type { EventContract, StreamContract } from '@satupintu/contracts';
import { eventSubject, streamName, streamSubject } from '../namespace';
import type { NatsClients } from '../nats.module';

const SECOND_NS = 1_000_000_000;
/** JetStream drops a second publish with the same `Nats-Msg-Id` within this window. */
export const DUPLICATE_WINDOW_NS = 2 * 60 * SECOND_NS;

/**
 * Creates the streams these events are declared on, or gives an existing one the subjects and
 * age limit a newer release declares. Each service ensures what it publishes and consumes, so
 * there is no list of streams to keep; idempotent and race-safe between services.
 */
export async function ensureStreams(
  nats: NatsClients,
  events: EventContract<unknown>[],
): Promise<void> {
  const streams = new Map<string, StreamContract>();
  for (const event of events) streams.set(event.stream.name, event.stream);
  for (const stream of streams.values()) {
    await ensureStream(nats, {
      name: streamName(nats.namespace, stream.name),
      description: stream.description,
      subjects: [streamSubject(nats.namespace, stream.space)],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: DUPLICATE_WINDOW_NS,
      max_age: (stream.maxAgeSeconds ?? 0) * SECOND_NS,
      max_msgs_per_subject: stream.latestPerSubject ? 1 : -1,
      num_replicas: 1,
    });
  }
}

/**
 * Fails start-up, naming the event, when a subject this service publishes is captured by no
 * stream: otherwise every such event would stall in the outbox, found only by its growing size.
 */
export async function assertCaptured(
  nats: NatsClients,
  events: EventContract<unknown>[],
): Promise<void> {
  for (const event of events) {
    const subject = eventSubject(nats.namespace, event.subject, 'ROUTING-CHECK');
    const expected = streamName(nats.namespace, event.stream.name);
    let found: string | undefined;
    try {
      found = await nats.jsm.streams.find(subject);
    } catch (error) {
      if (!isNotFound(error) && !(error instanceof Error && /no stream/i.test(error.message)))
        throw error;
    }
    if (found !== expected) {
      throw new Error(
        `event ${event.subject} is published by this service, but ${found ? `stream ${found}` : 'no stream'} ` +
          `captures ${subject} (expected ${expected})`,
      );
    }
  }
}

type EnsuredConfig = Partial<StreamConfig> & { name: string; subjects: string[] };

async function ensureStream(nats: NatsClients, config: EnsuredConfig, attempt = 0): Promise<void> {
  try {
    const info = await nats.jsm.streams.info(config.name);
    const missing = config.subjects.filter((subject) => !info.config.subjects?.includes(subject));
    if (
      missing.length > 0 ||
      info.config.max_age !== config.max_age ||
      info.config.max_msgs_per_subject !== config.max_msgs_per_subject
    ) {
      await nats.jsm.streams.update(config.name, {
        subjects: [...(info.config.subjects ?? []), ...missing],
        max_age: config.max_age,
        max_msgs_per_subject: config.max_msgs_per_subject,
      });
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await nats.jsm.streams.add(config);
    } catch (addError) {
      // Another service created it meanwhile: check it again, once.
      if (attempt > 0) throw addError;
      await ensureStream(nats, config, attempt + 1);
    }
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && (error.code === 10059 || error.code === 10014);
}
