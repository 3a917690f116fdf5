/**
 * Reading the PIA's JSON as OSS sends it: every value a string, an empty string (or null) for
 * "not given", fields added in every PIA version. So the reader is tolerant of what it does not
 * use and strict on what it does: a field it reads must be a string (or, where the PIA says
 * `number`, a number) within the PIA's length, and the first that is not is named in the 400.
 */
export class PiaFieldError extends Error {
  constructor(readonly field: string) {
    super(`Data Parameter Salah: ${field}`);
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (!isObject(value)) throw new PiaFieldError(`${path}${key}`);
  return value;
}

/** An optional list of objects: absent, null or "" is none; at most `maxItems`. */
export function listAt(
  parent: JsonObject,
  key: string,
  path: string,
  maxItems: number,
): JsonObject[] {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value) || value.length > maxItems) throw new PiaFieldError(`${path}${key}`);
  value.forEach((item, index) => {
    if (!isObject(item)) throw new PiaFieldError(`${path}${key}[${index}]`);
  });
  return value as JsonObject[];
}

export interface TextRule {
  maxLength: number;
  pattern?: RegExp;
  /** Numbers are taken as their decimal text, for the PIA's `number` fields. */
  numeric?: boolean;
}

/** An optional text: absent, null and "" are undefined; surrounding spaces are dropped. */
export function textAt(
  parent: JsonObject,
  key: string,
  path: string,
  rule: TextRule,
): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (rule.numeric && typeof value === 'number' && Number.isSafeInteger(value))
    text = String(value);
  else throw new PiaFieldError(`${path}${key}`);
  if (text === '') return undefined;
  if (text.length > rule.maxLength || (rule.pattern && !rule.pattern.test(text)))
    throw new PiaFieldError(`${path}${key}`);
  return text;
}

export function requiredTextAt(
  parent: JsonObject,
  key: string,
  path: string,
  rule: TextRule,
): string {
  const text = textAt(parent, key, path, rule);
  if (text === undefined) throw new PiaFieldError(`${path}${key}`);
  return text;
}
