import { parseNik, type RegionIndex } from '../nik/nik';

/**
 * What a service's standard says of one data field of its form (the shape of the contract's
 * `FormFieldV1`, kept here without it so the rule stays plain data).
 */
export interface FormFieldRule {
  name: string;
  type:
    | 'text'
    | 'number'
    | 'date'
    | 'boolean'
    | 'enum'
    | 'nik'
    | 'nib'
    | 'kbli'
    | 'npwp'
    | 'phone'
    | 'email';
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: readonly string[];
}

export type FormValue = string | number | boolean;

/** One refused field, named `form.<name>`: the shape of `FieldError` in libs/common. */
export interface FormProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** The longest text value when a field states no `maxLength`. */
export const DEFAULT_FORM_TEXT_MAX_LENGTH = 1000;

const NIB = /^\d{13}$/;
const KBLI = /^\d{5}$/;
const NPWP = /^(\d{15}|\d{16})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// +62 or a leading 0, then the number without its trunk prefix: 8 to 13 digits, the first not 0.
const PHONE = /^(\+62|0)[1-9]\d{7,12}$/;
// Deliberately loose (RFC 5322 is not a regex): one @, no spaces, a dotted domain.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const EMAIL_MAX_LENGTH = 254;

/**
 * Checks submitted form data against the fields of a service's standard: every required field
 * present and not blank, each value of its field's type (a NIK that can exist, a 13-digit NIB,
 * a 5-digit KBLI, a 15- or 16-digit NPWP, a real YYYY-MM-DD date, a number in range, one of an
 * enum's options, an e-mail address, a phone number +62… or 08…), no text longer than allowed,
 * and no field the standard does not ask for. Answers every problem at once, one per field, in
 * the standard's order and then the unknown fields; an empty list means the form is valid.
 */
export function validateForm(
  fields: readonly FormFieldRule[],
  form: Readonly<Record<string, FormValue>>,
  regions: RegionIndex,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const known = new Set<string>();
  for (const rule of fields) {
    known.add(rule.name);
    const value = Object.hasOwn(form, rule.name) ? form[rule.name] : undefined;
    const problem = checkValue(rule, value, regions);
    if (problem) problems.push({ field: `form.${rule.name}`, ...problem });
  }
  for (const name of Object.keys(form)) {
    if (!known.has(name)) problems.push({ field: `form.${name}`, code: 'unknown_field' });
  }
  return problems;
}

type Problem = Omit<FormProblem, 'field'>;

function checkValue(
  rule: FormFieldRule,
  value: FormValue | undefined,
  regions: RegionIndex,
): Problem | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return rule.required ? { code: 'required' } : undefined;
  }
  switch (rule.type) {
    case 'number':
      return checkNumber(rule, value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { code: 'must_be_boolean' };
    case 'text':
    case 'enum':
    case 'date':
    case 'nik':
    case 'nib':
    case 'kbli':
    case 'npwp':
    case 'phone':
    case 'email':
      if (typeof value !== 'string') return { code: 'must_be_string' };
      return checkText(rule, value, regions);
  }
}

function checkNumber(rule: FormFieldRule, value: FormValue): Problem | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'must_be_number' };
  if (rule.min !== undefined && value < rule.min)
    return { code: 'number_min', params: { min: rule.min } };
  if (rule.max !== undefined && value > rule.max)
    return { code: 'number_max', params: { max: rule.max } };
  return undefined;
}

function checkText(rule: FormFieldRule, raw: string, regions: RegionIndex): Problem | undefined {
  const value = raw.trim();
  switch (rule.type) {
    case 'text': {
      const max = rule.maxLength ?? DEFAULT_FORM_TEXT_MAX_LENGTH;
      return raw.length > max ? { code: 'max_length', params: { max } } : undefined;
    }
    case 'enum':
      return rule.options?.includes(value)
        ? undefined
        : { code: 'must_be_one_of', params: { values: (rule.options ?? []).join(', ') } };
    case 'date':
      return isIsoDate(value) ? undefined : { code: 'must_be_date' };
    case 'nik': {
      const nik = parseNik(value, regions);
      return nik.ok ? undefined : { code: nik.problem };
    }
    case 'nib':
      return NIB.test(value) ? undefined : { code: 'nib_format' };
    case 'kbli':
      return KBLI.test(value) ? undefined : { code: 'kbli_format' };
    case 'npwp':
      return NPWP.test(value) ? undefined : { code: 'npwp_format' };
    case 'phone':
      return PHONE.test(value.replace(/[\s-]/g, '')) ? undefined : { code: 'form_phone_format' };
    case 'email':
      return value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value)
        ? undefined
        : { code: 'email_format' };
    case 'number':
    case 'boolean':
      return undefined;
  }
}

/** A real calendar date written YYYY-MM-DD (no 30 February, no 2023-02-29). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * Problems of a standard's form fields themselves, as an agency writes them (the contract
 * checks each field's shape; this checks how they fit together): names are unique, an `enum`
 * has options and nothing else does, `maxLength` is for text, `min`/`max` for numbers and in
 * order. Fields are named `requirements.fields.<i>.<property>`, and document kinds must be
 * unique too.
 */
export function checkFormRules(
  fields: readonly FormFieldRule[],
  documentKinds: readonly string[] = [],
): FormProblem[] {
  const problems: FormProblem[] = [];
  const names = new Set<string>();
  fields.forEach((rule, index) => {
    const at = (property: string) => `requirements.fields.${index}.${property}`;
    if (names.has(rule.name)) problems.push({ field: at('name'), code: 'duplicate' });
    names.add(rule.name);
    if (rule.type === 'enum' && !rule.options?.length)
      problems.push({ field: at('options'), code: 'required' });
    if (rule.type !== 'enum' && rule.options !== undefined)
      problems.push({ field: at('options'), code: 'not_for_type', params: { type: rule.type } });
    if (rule.type !== 'text' && rule.maxLength !== undefined)
      problems.push({ field: at('maxLength'), code: 'not_for_type', params: { type: rule.type } });
    for (const bound of ['min', 'max'] as const) {
      if (rule.type !== 'number' && rule[bound] !== undefined)
        problems.push({ field: at(bound), code: 'not_for_type', params: { type: rule.type } });
    }
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
      problems.push({ field: at('max'), code: 'number_min', params: { min: rule.min } });
  });
  const kinds = new Set<string>();
  documentKinds.forEach((kind, index) => {
    if (kinds.has(kind))
      problems.push({ field: `requirements.documents.${index}.kind`, code: 'duplicate' });
    kinds.add(kind);
  });
  return problems;
}
