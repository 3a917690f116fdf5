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
    title: text.title[locale],
    status: error.status,
    detail: interpolate(text.detail[locale], error.params),
    code: error.code,
    ...extra,
  };
  if (error.errors.length > 0) {
    doc.errors = error.errors.map((e) => ({
      field: e.field,
      code: e.code,
      message: fieldMessage(e.code, locale, e.params),
    }));
  }
  return doc;
}

export function fieldMessage(code: string, locale: Locale, params?: MessageParams): string {
  const text = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid;
  return interpolate(text[locale], params);
}
