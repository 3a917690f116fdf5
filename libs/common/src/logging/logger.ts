import pino, { type Logger } from 'pino';
import { currentContext, traceIdOf } from '../context/request-context';
import { redactText, redactValue } from './redact';

function errorOf(value: unknown): Error | undefined {
  const err = (value as { err?: unknown } | null | undefined)?.err;
  return err instanceof Error ? err : undefined;
}

export type AppLogger = Logger;

/**
 * Structured JSON logs. Every line carries the service, and the request id and trace id of
 * the work in progress, so one request can be followed across services. NIKs never leave
 * unmasked and no credential leaves at all: strings in messages and in every logged object are
 * redacted (`redact.ts`).
 */
export function createLogger(service: string, level: string): AppLogger {
  const logger = pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactValue(bindings) as Record<string, unknown>,
    },
    hooks: {
      // Every argument is masked before pino sees it: the merging object, the message and any
      // %s/%j/%o interpolation values. An Error's message becomes the line's message, masked.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const error = first instanceof Error ? first : errorOf(first);
        const merged = first instanceof Error ? { err: first } : first;
        const masked = [redactValue(merged), ...rest.map((arg) => redactValue(arg))];
        if (error && typeof rest[0] !== 'string') masked.splice(1, 0, redactText(error.message));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    mixin() {
      const context = currentContext();
      if (!context) return {};
      // A client chooses its request id: it could be anything, a NIK included.
      return { requestId: redactText(context.requestId), traceId: traceIdOf(context.traceparent) };
    },
  });
  return withMaskedChildBindings(logger);
}

// pino formats a child's bindings once, outside every hook: mask them on the way in.
function withMaskedChildBindings(logger: AppLogger): AppLogger {
  const child = logger.child.bind(logger);
  const masked = (bindings: pino.Bindings, options?: pino.ChildLoggerOptions): AppLogger =>
    withMaskedChildBindings(child(redactValue(bindings) as pino.Bindings, options));
  logger.child = masked as unknown as AppLogger['child'];
  return logger;
}
