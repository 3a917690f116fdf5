import type { ProblemCode } from './messages';

export type MessageParams = Record<string, string | number>;

/** One invalid field: `field` is a dotted path into the request body, `code` a field-message code. */
export interface FieldError {
  field: string;
  code: string;
  params?: MessageParams;
}

/** What crosses NATS when a handler refuses a request; the gateway renders it per language. */
export interface SerializedDomainError {
  kind: 'domain-error';
  code: ProblemCode;
  status: number;
  params?: MessageParams;
  errors?: FieldError[];
}

/**
 * An error a client is meant to see, with a stable code. Anything else that escapes a
 * handler is logged with an error id and answered as a bare 500.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly status: number,
    readonly errors: FieldError[] = [],
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[], status = 400): DomainError {
    return new DomainError(status === 400 ? 'validation_failed' : 'unprocessable', status, errors);
  }

  serialize(): SerializedDomainError {
    return {
      kind: 'domain-error',
      code: this.code,
      status: this.status,
      params: this.params,
      errors: this.errors,
    };
  }

  static isSerialized(value: unknown): value is SerializedDomainError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { kind?: unknown }).kind === 'domain-error' &&
      typeof (value as { code?: unknown }).code === 'string' &&
      typeof (value as { status?: unknown }).status === 'number'
    );
  }

  static fromSerialized(value: SerializedDomainError): DomainError {
    return new DomainError(value.code, value.status, value.errors ?? [], value.params ?? {});
  }
}
