import {
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { STREAM_NAMES, streamSubjects } from '@satupintu/contracts';
import { namespacedSubject, streamName } from '../namespace';
import type { NatsClients } from '../nats.module';

const SECOND_NS = 1_000_000_000;
/** JetStream drops a second publish with the same `Nats-Msg-Id` within this window. */
export const DUPLICATE_WINDOW_NS = 2 * 60 * SECOND_NS;

/**
 * Creates each stream the contracts declare, or adds subjects a newer release declares. Runs at
 * every start-up of every service that publishes or consumes events; idempotent and race-safe.
 */
export async function ensureStreams(nats: NatsClients): Promise<void> {
  for (const stream of STREAM_NAMES) {
    const config: Partial<StreamConfig> & { name: string; subjects: string[] } = {
      name: streamName(nats.namespace, stream),
      subjects: streamSubjects(stream).map((subject) => namespacedSubject(nats.namespace, subject)),
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: DUPLICATE_WINDOW_NS,
      num_replicas: 1,
    };
    await ensureStream(nats, config);
  }
}

async function ensureStream(
  nats: NatsClients,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
  attempt = 0,
): Promise<void> {
  try {
    const info = await nats.jsm.streams.info(config.name);
    const missing = config.subjects.filter((subject) => !info.config.subjects?.includes(subject));
    if (missing.length > 0) {
      await nats.jsm.streams.update(config.name, {
        subjects: [...(info.config.subjects ?? []), ...missing],
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
