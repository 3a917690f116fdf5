import { ApplicantV2, SubmitApplicationV2 } from '@satupintu/contracts';
import { Type, plainToInstance } from 'class-transformer';
import {
  IsDateString,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  validate,
} from 'class-validator';
import { toFieldErrors } from './validation';

type Class<T> = new () => T;

/** Validates a body the way the body pipe does and flattens the errors. */
async function fieldErrorsOf<T extends object>(cls: Class<T>, body: object) {
  const errors = await validate(plainToInstance(cls, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return toFieldErrors(errors);
}

const VALID = {
  serviceCode: 'DUKCAPIL-KK',
  applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
  channel: 'KIOSK',
};

/** A body whose nested object is required (the applicant is optional in SubmitApplicationV2). */
class NeedsApplicant {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV2)
  applicant: ApplicantV2;
}

describe('toFieldErrors with SubmitApplicationV2', () => {
  const submit = (body: object) => fieldErrorsOf(SubmitApplicationV2, body);

  it('reports nothing for a valid application', async () => {
    expect(await submit(VALID)).toEqual([]);
  });

  it('reports a well-shaped birth date that is not a real date as must_be_date', async () => {
    const applicant = { ...VALID.applicant, birthDate: '1990-02-30' };
    expect(await submit({ ...VALID, applicant })).toEqual([
      { field: 'applicant.birthDate', code: 'must_be_date' },
    ]);
  });

  it('reports a missing field as required, not as must_be_string', async () => {
    expect(await submit({ applicant: VALID.applicant })).toEqual([
      { field: 'serviceCode', code: 'required' },
    ]);
  });

  it('reports every missing field of an empty body as required', async () => {
    expect(await submit({})).toEqual([{ field: 'serviceCode', code: 'required' }]);
    expect(await fieldErrorsOf(NeedsApplicant, {})).toEqual([
      { field: 'applicant', code: 'required' },
    ]);
  });

  it('reports a null object as required where one is required', async () => {
    expect(await fieldErrorsOf(NeedsApplicant, { applicant: null })).toEqual([
      { field: 'applicant', code: 'required' },
    ]);
  });

  it.each([
    ['a string', 'x'],
    ['an array', []],
    ['a number', 7],
  ])('reports an applicant that is %s as must_be_object', async (_label, applicant) => {
    expect(await submit({ ...VALID, applicant })).toEqual([
      { field: 'applicant', code: 'must_be_object' },
    ]);
  });

  it('reports a number where a string belongs as must_be_string, not as too long', async () => {
    expect(await submit({ ...VALID, serviceCode: 42 })).toEqual([
      { field: 'serviceCode', code: 'must_be_string' },
    ]);
  });

  it('reports an empty string as required', async () => {
    expect(await submit({ ...VALID, serviceCode: '' })).toEqual([
      { field: 'serviceCode', code: 'required' },
    ]);
  });

  it('reports a too long service code with its maximum', async () => {
    expect(await submit({ ...VALID, serviceCode: 'X'.repeat(65) })).toEqual([
      { field: 'serviceCode', code: 'max_length', params: { max: 64 } },
    ]);
  });

  it('accepts a service code of exactly the maximum length', async () => {
    expect(await submit({ ...VALID, serviceCode: 'X'.repeat(64) })).toEqual([]);
  });

  it('reports nested fields with dotted paths', async () => {
    const errors = await submit({
      ...VALID,
      applicant: { nik: '123', name: 'x'.repeat(201) },
    });
    expect(errors).toEqual([
      { field: 'applicant.nik', code: 'nik_format' },
      { field: 'applicant.name', code: 'max_length', params: { max: 200 } },
    ]);
  });

  it('takes the code from the constraint context: a malformed NIK is nik_format', async () => {
    expect(
      await submit({ ...VALID, applicant: { ...VALID.applicant, nik: '32010145069000' } }),
    ).toEqual([{ field: 'applicant.nik', code: 'nik_format' }]);
  });

  it('prefers must_be_string over the context code when a NIK is sent as a number', async () => {
    const applicant = { ...VALID.applicant, nik: 3201014506900001 };
    expect(await submit({ ...VALID, applicant })).toEqual([
      { field: 'applicant.nik', code: 'must_be_string' },
    ]);
  });

  it('reports a missing nested field as required', async () => {
    expect(await submit({ ...VALID, applicant: { nik: VALID.applicant.nik } })).toEqual([
      { field: 'applicant.name', code: 'required' },
    ]);
  });

  it.each(['x', '1990-6-5', '19900605', '05-06-1990'])(
    'reports the birth date %j as must_be_date',
    async (birthDate) => {
      expect(await submit({ ...VALID, applicant: { ...VALID.applicant, birthDate } })).toEqual([
        { field: 'applicant.birthDate', code: 'must_be_date' },
      ]);
    },
  );

  it('reports an unknown channel with the allowed values', async () => {
    expect(await submit({ ...VALID, channel: 'FAX' })).toEqual([
      {
        field: 'channel',
        code: 'must_be_one_of',
        params: { values: 'WEB, MOBILE, COUNTER, KIOSK, CALL_CENTER, PORTAL' },
      },
    ]);
  });

  it('reports an unknown top-level field as unknown_field', async () => {
    expect(await submit({ ...VALID, priority: 'high' })).toEqual([
      { field: 'priority', code: 'unknown_field' },
    ]);
  });

  it('reports an unknown nested field with its dotted path', async () => {
    const applicant = { ...VALID.applicant, email: 'a@b.c' };
    expect(await submit({ ...VALID, applicant })).toEqual([
      { field: 'applicant.email', code: 'unknown_field' },
    ]);
  });

  it('echoes at most 64 characters of a very long unknown field name', async () => {
    const name = 'a'.repeat(64) + 'b'.repeat(1000);
    const errors = await submit({ ...VALID, [name]: 1 });
    expect(errors).toEqual([{ field: `${'a'.repeat(64)}…`, code: 'unknown_field' }]);
  });

  it('keeps an unknown field name of exactly 64 characters whole', async () => {
    const name = 'c'.repeat(64);
    expect(await submit({ ...VALID, [name]: 1 })).toEqual([{ field: name, code: 'unknown_field' }]);
  });

  it('truncates a long unknown field name inside a nested object too', async () => {
    const name = 'n'.repeat(70);
    const errors = await submit({ ...VALID, applicant: { ...VALID.applicant, [name]: 1 } });
    expect(errors).toEqual([{ field: `applicant.${'n'.repeat(64)}…`, code: 'unknown_field' }]);
  });

  it('reports problems in several fields at once', async () => {
    const errors = await submit({
      serviceCode: 1,
      applicant: { nik: 'abc', name: '' },
      channel: 'FAX',
      extra: true,
    });
    expect(errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'applicant.name:required',
      'applicant.nik:nik_format',
      'channel:must_be_one_of',
      'extra:unknown_field',
      'serviceCode:must_be_string',
    ]);
  });
});

enum Color {
  Red = 'red',
  Blue = 'blue',
}

class Item {
  @IsDefined()
  @IsString()
  @MaxLength(5)
  name: string;
}

class Order {
  @ValidateNested({ each: true })
  @Type(() => Item)
  items: Item[];
}

class Assorted {
  @MinLength(3)
  short?: string;

  @MaxLength(10)
  line2?: string;

  @IsEnum(Color)
  color?: Color;

  @IsIn(['a', 'b'])
  letter?: string;

  @IsInt()
  count?: number;

  @IsDateString({ strict: true })
  day?: string;

  @IsNotEmptyObject()
  meta?: object;

  @Matches(/^x+$/, { context: { code: 'only_x', params: { letter: 'x' } } })
  xs?: string;
}

const ASSORTED_OK = {
  short: 'abc',
  line2: 'ok',
  color: 'red',
  letter: 'a',
  count: 1,
  day: '2024-02-29',
  meta: { a: 1 },
  xs: 'xxx',
};

describe('toFieldErrors with small decorated classes', () => {
  const assorted = (patch: object) => fieldErrorsOf(Assorted, { ...ASSORTED_OK, ...patch });

  it('reports nothing for a valid object', async () => {
    expect(await assorted({})).toEqual([]);
  });

  it('returns an empty list for no errors', () => {
    expect(toFieldErrors([])).toEqual([]);
  });

  it('indexes array items in the path', async () => {
    const errors = await fieldErrorsOf(Order, {
      items: [{ name: 'ok' }, { name: 'too long' }, {}],
    });
    expect(errors).toEqual([
      { field: 'items.1.name', code: 'max_length', params: { max: 5 } },
      { field: 'items.2.name', code: 'required' },
    ]);
  });

  it('puts a given parent in front of every path', async () => {
    const errors = await validate(plainToInstance(Order, { items: [{ name: 7 }] }));
    expect(toFieldErrors(errors, 'body')).toEqual([
      { field: 'body.items.0.name', code: 'must_be_string' },
    ]);
  });

  it('reports min_length with its minimum', async () => {
    expect(await assorted({ short: 'ab' })).toEqual([
      { field: 'short', code: 'min_length', params: { min: 3 } },
    ]);
  });

  it('takes the limit, not a digit in the field name, for max_length', async () => {
    expect(await assorted({ line2: 'x'.repeat(11) })).toEqual([
      { field: 'line2', code: 'max_length', params: { max: 10 } },
    ]);
  });

  it('reports an enum value with the allowed values', async () => {
    expect(await assorted({ color: 'green' })).toEqual([
      { field: 'color', code: 'must_be_one_of', params: { values: 'red, blue' } },
    ]);
  });

  it('reports an IsIn value with the allowed values', async () => {
    expect(await assorted({ letter: 'z' })).toEqual([
      { field: 'letter', code: 'must_be_one_of', params: { values: 'a, b' } },
    ]);
  });

  it('reports a constraint it has no code for as invalid, without params', async () => {
    expect(await assorted({ count: 1.5 })).toEqual([{ field: 'count', code: 'invalid' }]);
  });

  it('reports a failed IsDateString as must_be_date', async () => {
    expect(await assorted({ day: '2023-02-29' })).toEqual([{ field: 'day', code: 'must_be_date' }]);
  });

  it('reports an empty object where a non-empty one belongs as must_be_object', async () => {
    expect(await assorted({ meta: {} })).toEqual([{ field: 'meta', code: 'must_be_object' }]);
  });

  it('takes code and params from the constraint context', async () => {
    expect(await assorted({ xs: 'xy' })).toEqual([
      { field: 'xs', code: 'only_x', params: { letter: 'x' } },
    ]);
  });
});
