import { readStreams, testEnvironment } from '@satupintu/testing';

/** A NIK anywhere: 16 digits in a row that are not part of a longer number. */
const SIXTEEN_DIGITS = /(?<!\d)\d{16}(?!\d)/;
/** Headers that are ids or traces by construction, never personal data (hex runs can look like digits). */
const OPAQUE_HEADERS = new Set(['traceparent', 'nats-msg-id', 'sp-event-id', 'x-request-id']);

/**
 * Runs after every other integration suite (the sequencer puts `*.last.int-spec.ts` last):
 * reads every message the run left in JetStream, the events of every application submitted
 * with a NIK, and finds no NIK in any of them. (A stream for the once-only profile sync, which
 * must carry personal data, can only be declared with an expiry: see defineStream.)
 */
describe('what the integration suite left in JetStream', () => {
  const env = testEnvironment();
  const prefix = `${env.SP_NAMESPACE.toUpperCase()}_`;

  it('holds events of the applications the suite submitted', async () => {
    const messages = await readStreams(env.NATS_URL, prefix);
    expect(messages.filter((m) => m.subject.includes('.submitted.')).length).toBeGreaterThan(10);
  });

  it('holds no NIK, in any payload or header', async () => {
    const messages = await readStreams(env.NATS_URL, prefix);
    const leaks = messages.flatMap((message) => {
      const places = [
        ['payload', message.data],
        ...Object.entries(message.headers).filter(([name]) => !OPAQUE_HEADERS.has(name)),
      ];
      return places
        .filter(([, text]) => SIXTEEN_DIGITS.test(text))
        .map(([where]) => `${message.stream} #${message.seq} ${message.subject}: ${where}`);
    });
    expect(leaks).toEqual([]);
  });
});
