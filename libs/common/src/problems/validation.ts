import type { ValidationError } from 'class-validator';
import type { FieldError } from './domain-error';

// class-validator constraint names → our field-message codes. Every DTO constraint we use must
// map here; an unmapped one falls back to `invalid`, still a 400 and never a 500.
const CONSTRAINT_CODES: Record<string, string> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'must_be_string',
  isObject: 'must_be_object',
  isNotEmptyObject: 'must_be_object',
  isIn: 'must_be_one_of',
  isEnum: 'must_be_one_of',
  maxLength: 'max_length',
  minLength: 'min_length',
  isIso8601: 'must_be_date',
  isDateString: 'must_be_date',
  whitelistValidation: 'unknown_field',
};

// Which one constraint to report when several fail: the most basic first.
const PRIORITY = ['isDefined', 'isNotEmpty', 'isObject', 'isString', 'whitelistValidation'];

/** Flattens class-validator's tree into one error per field, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    // An unknown field's name is the client's text: echo a bounded piece of it, not all of it.
    const property =
      error.property.length > 64 ? `${error.property.slice(0, 64)}…` : error.property;
    const field = parent ? `${parent}.${property}` : property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length > 0) {
      const name = PRIORITY.find((p) => names.includes(p)) ?? names[0];
      const context = error.contexts?.[name] as
        { code?: string; params?: FieldError['params'] } | undefined;
      const code = CONSTRAINT_CODES[name] ?? context?.code ?? 'invalid';
      const params = context?.params ?? paramsFor(name, constraints[name]);
      out.push({ field, code, ...(params ? { params } : {}) });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

function paramsFor(name: string, message: string): FieldError['params'] | undefined {
  const numbers = message.match(/\d+/g);
  if (name === 'maxLength' && numbers) return { max: Number(numbers[numbers.length - 1]) };
  if (name === 'minLength' && numbers) return { min: Number(numbers[numbers.length - 1]) };
  if (name === 'isIn' || name === 'isEnum') {
    const values = message.split(':')[1]?.trim();
    return values ? { values } : undefined;
  }
  return undefined;
}
