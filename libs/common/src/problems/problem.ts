import { type DomainError, type MessageParams } from './domain-error';
import { FIELD_MESSAGES, PROBLEMS, interpolate, type Locale, type ProblemCode } from './messages';

/** RFC 9457 problem details, with `errors` for validation and the request id for support. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ProblemCode;
  requestId?: string;
  errors?: { field: string; code: string; message: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The longest each member of a problem document gets, as the OpenAPI document promises. Text a
 * client sent (its URL, an unknown field's name) is echoed, so without a cap an answer would
 * grow with the request; longer text is cut and ends with '…'.
 */
export const PROBLEM_LIMITS = {
  title: 200,
  detail: 1000,
  instance: 1024,
  field: 256,
  message: 500,
  /** Entries of `errors`: a body with thousands of unknown fields gets the first hundred. */
  errors: 100,
} as const;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function problemType(code: ProblemCode): string {
  return `urn:satupintu:problem:${code.replace(/_/g, '-')}`;
}

export function renderProblem(
  error: DomainError,
  locale: Locale,
  extra: { instance?: string; requestId?: string } = {},
): ProblemDocument {
  const text = PROBLEMS[error.code];
  const doc: ProblemDocument = {
    type: problemType(error.code),
    title: clip(text.title[locale], PROBLEM_LIMITS.title),
    status: error.status,
    detail: clip(interpolate(text.detail[locale], error.params), PROBLEM_LIMITS.detail),
    code: error.code,
    ...extra,
  };
  if (extra.instance !== undefined) doc.instance = clip(extra.instance, PROBLEM_LIMITS.instance);
  if (error.errors.length > 0) {
    doc.errors = error.errors.slice(0, PROBLEM_LIMITS.errors).map((e) => ({
      field: clip(e.field, PROBLEM_LIMITS.field),
      code: e.code,
      message: clip(fieldMessage(e.code, locale, e.params), PROBLEM_LIMITS.message),
    }));
  }
  return doc;
}

export function fieldMessage(code: string, locale: Locale, params?: MessageParams): string {
  const text = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid;
  return interpolate(text[locale], params);
}
