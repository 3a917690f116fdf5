import pino, { type Logger } from 'pino';
import { currentContext, traceIdOf } from '../context/request-context';
import { redactNiks, redactValue } from './redact';

export type AppLogger = Logger;

/**
 * Structured JSON logs. Every line carries the service, and the request id and trace id of
 * the work in progress, so one request can be followed across services. NIKs never leave
 * unmasked: strings in messages and in every logged object are redacted.
 */
export function createLogger(service: string, level: string): AppLogger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? redactNiks(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    mixin() {
      const context = currentContext();
      if (!context) return {};
      return { requestId: context.requestId, traceId: traceIdOf(context.traceparent) };
    },
  });
}
