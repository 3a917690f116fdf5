import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { PROFILE_STREAM } from '@satupintu/contracts';
import { streamName } from '@satupintu/messaging';
import { readStreams, testEnvironment } from '@satupintu/testing';

/** A NIK anywhere: 16 digits in a row that are not part of a longer number. */
const SIXTEEN_DIGITS = /(?<!\d)\d{16}(?!\d)/;
/** Headers that are ids or traces by construction, never personal data (hex runs can look like digits). */
const OPAQUE_HEADERS = new Set(['traceparent', 'nats-msg-id', 'sp-event-id', 'x-request-id']);
/**
 * Hex digests in payloads (an issued output's `sha256`): one in a few hundred holds sixteen
 * digits between two letters, which is no NIK. Blanked before the search, so the check stays
 * strict for every other field and cannot fail by chance.
 */
const HEX_DIGEST = /[0-9a-f]{32,}/gi;

/**
 * Runs after every other integration suite (the sequencer puts `*.last.int-spec.ts` last):
 * reads every message the run left in JetStream, the events of every application submitted
 * with a NIK, and finds no NIK in any of them, but on the one stream that carries personal data
 * by design (the once-only profile sync), which must keep only the latest profile of each
 * person and let it expire.
 */
describe('what the integration suite left in JetStream', () => {
  const env = testEnvironment();
  // Every namespace of the run: its own, each Jest worker's (`<namespace>w1`) and each suite's own.
  const prefix = env.SP_NAMESPACE.toUpperCase();
  const isProfileStream = (stream: string) =>
    stream.startsWith(prefix) && stream.endsWith(streamName('', PROFILE_STREAM.name));

  it('holds events of the applications the suite submitted', async () => {
    const messages = await readStreams(env.NATS_URL, prefix);
    expect(messages.filter((m) => m.subject.includes('.submitted.')).length).toBeGreaterThan(10);
  });

  it('holds no NIK, in any payload or header, outside the profile stream', async () => {
    const messages = await readStreams(env.NATS_URL, prefix);
    const leaks = messages
      .filter((message) => !isProfileStream(message.stream))
      .flatMap((message) => {
        const places = [
          ['payload', message.data],
          ...Object.entries(message.headers).filter(([name]) => !OPAQUE_HEADERS.has(name)),
        ];
        return places
          .filter(([, text]) => SIXTEEN_DIGITS.test(text.replace(HEX_DIGEST, '-')))
          .map(([where]) => `${message.stream} #${message.seq} ${message.subject}: ${where}`);
      });
    expect(leaks).toEqual([]);
  });

  it('bounds the profile streams: the latest profile per person, expiring', async () => {
    const nc = await connect({ servers: env.NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      const profiles: string[] = [];
      for await (const name of jsm.streams.names()) if (isProfileStream(name)) profiles.push(name);
      expect(profiles.length).toBeGreaterThan(0);
      for (const profile of profiles) {
        const info = await jsm.streams.info(profile);
        expect(info.config.max_msgs_per_subject).toBe(1);
        expect(info.config.max_age).toBe((PROFILE_STREAM.maxAgeSeconds ?? 0) * 1e9);
        expect(info.config.max_age).toBeGreaterThan(0);
      }
    } finally {
      await nc.close();
    }
  });
});
