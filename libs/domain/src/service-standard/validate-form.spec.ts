import { regionIndexOf } from '../nik/region-index';
import {
  DEFAULT_FORM_TEXT_MAX_LENGTH,
  checkFormRules,
  isIsoDate,
  validateForm,
  type FormFieldRule,
  type FormValue,
} from './validate-form';

const regions = regionIndexOf(['32.01.01', '31.71.01']);

const field = (type: FormFieldRule['type'], extra: Partial<FormFieldRule> = {}): FormFieldRule => ({
  name: 'value',
  type,
  required: true,
  ...extra,
});

/** The problem code for one value of one field, or undefined when it is accepted. */
function codeOf(rule: FormFieldRule, value: FormValue | undefined): string | undefined {
  const problems = validateForm([rule], value === undefined ? {} : { [rule.name]: value }, regions);
  expect(problems.length).toBeLessThanOrEqual(1);
  if (problems[0]) expect(problems[0].field).toBe(`form.${rule.name}`);
  return problems[0]?.code;
}

describe('validateForm', () => {
  describe('presence', () => {
    it.each([
      'text',
      'number',
      'date',
      'boolean',
      'enum',
      'nik',
      'nib',
      'kbli',
      'npwp',
      'phone',
      'email',
    ] as const)(
      'refuses a missing required %s field and accepts a missing optional one',
      (type) => {
        expect(codeOf(field(type, { options: ['A'] }), undefined)).toBe('required');
        expect(codeOf(field(type, { required: false, options: ['A'] }), undefined)).toBeUndefined();
      },
    );

    it('counts a blank string as missing', () => {
      expect(codeOf(field('text'), '')).toBe('required');
      expect(codeOf(field('text'), '   ')).toBe('required');
      expect(codeOf(field('nik', { required: false }), ' ')).toBeUndefined();
    });

    it('does not count false or zero as missing', () => {
      expect(codeOf(field('boolean'), false)).toBeUndefined();
      expect(codeOf(field('number'), 0)).toBeUndefined();
    });
  });

  describe('text', () => {
    it('accepts text up to its maxLength, and refuses longer', () => {
      expect(codeOf(field('text', { maxLength: 5 }), 'abcde')).toBeUndefined();
      expect(validateForm([field('text', { maxLength: 5 })], { value: 'abcdef' }, regions)).toEqual(
        [{ field: 'form.value', code: 'max_length', params: { max: 5 } }],
      );
    });

    it(`bounds text without a maxLength at ${DEFAULT_FORM_TEXT_MAX_LENGTH} characters`, () => {
      expect(codeOf(field('text'), 'x'.repeat(DEFAULT_FORM_TEXT_MAX_LENGTH))).toBeUndefined();
      expect(codeOf(field('text'), 'x'.repeat(DEFAULT_FORM_TEXT_MAX_LENGTH + 1))).toBe(
        'max_length',
      );
    });

    it.each([42, true])('refuses %p where text is asked for', (value) => {
      expect(codeOf(field('text'), value)).toBe('must_be_string');
    });
  });

  describe('number', () => {
    const ranged = field('number', { min: 0, max: 100 });

    it.each([0, 50, 100, 99.5])('accepts %p within [0, 100]', (value) => {
      expect(codeOf(ranged, value)).toBeUndefined();
    });

    it('names the bound a number breaks', () => {
      expect(validateForm([ranged], { value: -1 }, regions)).toEqual([
        { field: 'form.value', code: 'number_min', params: { min: 0 } },
      ]);
      expect(validateForm([ranged], { value: 101 }, regions)).toEqual([
        { field: 'form.value', code: 'number_max', params: { max: 100 } },
      ]);
    });

    it.each(['12', true, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (value) => {
      expect(codeOf(field('number'), value)).toBe('must_be_number');
    });
  });

  describe('boolean', () => {
    it.each([true, false])('accepts %p', (value) => {
      expect(codeOf(field('boolean'), value)).toBeUndefined();
    });
    it.each(['true', 1, 0])('refuses %p', (value) => {
      expect(codeOf(field('boolean'), value)).toBe('must_be_boolean');
    });
  });

  describe('enum', () => {
    const rule = field('enum', { options: ['MIKRO', 'KECIL'] });
    it('accepts one of its options', () => {
      expect(codeOf(rule, 'KECIL')).toBeUndefined();
    });
    it.each(['kecil', 'MENENGAH', 'MIKRO,KECIL'])('refuses %p, listing the options', (value) => {
      expect(validateForm([rule], { value }, regions)).toEqual([
        { field: 'form.value', code: 'must_be_one_of', params: { values: 'MIKRO, KECIL' } },
      ]);
    });
    it('refuses a number', () => {
      expect(codeOf(rule, 1)).toBe('must_be_string');
    });
  });

  describe('date', () => {
    it.each(['2024-02-29', '2000-02-29', '1999-12-31', '2026-01-01'])('accepts %p', (value) => {
      expect(codeOf(field('date'), value)).toBeUndefined();
    });
    it.each([
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-00-10',
      '26-01-01',
      '2026-1-1',
      '01-01-2026',
      '2026-01-01T00:00:00Z',
      'kemarin',
    ])('refuses %p', (value) => {
      expect(codeOf(field('date'), value)).toBe('must_be_date');
    });
  });

  describe('nik', () => {
    it('accepts a NIK that can exist', () => {
      expect(codeOf(field('nik'), '3201014506900001')).toBeUndefined();
    });
    it.each([
      ['320101450690000', 'nik_format'],
      ['32010145069000011', 'nik_format'],
      ['9901014506900001', 'nik_region'],
      ['3201013206900001', 'nik_birth_date'],
      ['3201014506900000', 'nik_serial'],
    ])('refuses %p as %s', (value, code) => {
      expect(codeOf(field('nik'), value)).toBe(code);
    });
  });

  describe('national numbers', () => {
    it.each([
      ['nib', '9120000000001', undefined],
      ['nib', '912000000000', 'nib_format'],
      ['nib', '91200000000012', 'nib_format'],
      ['nib', '91200000000O1', 'nib_format'],
      ['kbli', '56101', undefined],
      ['kbli', '5610', 'kbli_format'],
      ['kbli', '561011', 'kbli_format'],
      ['npwp', '012345678901234', undefined],
      ['npwp', '3201014506900001', undefined],
      ['npwp', '01234567890123', 'npwp_format'],
      ['npwp', '01.234.567.8-901.234', 'npwp_format'],
    ] as const)('%s %p: %p', (type, value, code) => {
      expect(codeOf(field(type), value)).toBe(code);
    });
  });

  describe('phone', () => {
    it.each([
      '+6281234567890',
      '081234567890',
      '0812-3456-7890',
      '+62 812 3456 7890',
      '02112345678',
    ])('accepts %p', (value) => {
      expect(codeOf(field('phone'), value)).toBeUndefined();
    });
    it.each([
      '6281234567890',
      '+6212345',
      '+62081234567890',
      '0812345678901234',
      '+1 555 0100',
      'nomor saya',
    ])('refuses %p', (value) => {
      expect(codeOf(field('phone'), value)).toBe('form_phone_format');
    });
  });

  describe('email', () => {
    it.each(['siti@demo.satupintu.id', 'a.b+c@example.co.id'])('accepts %p', (value) => {
      expect(codeOf(field('email'), value)).toBeUndefined();
    });
    it.each([
      'siti',
      'siti@',
      '@demo.id',
      'siti@demo',
      'si ti@demo.id',
      'a@b@c.id',
      `${'a'.repeat(250)}@b.id`,
    ])('refuses %p', (value) => {
      expect(codeOf(field('email'), value)).toBe('email_format');
    });
  });

  it('refuses fields the standard does not ask for', () => {
    expect(validateForm([], { nickname: 'x' }, regions)).toEqual([
      { field: 'form.nickname', code: 'unknown_field' },
    ]);
  });

  it('does not take inherited properties for answers', () => {
    expect(validateForm([field('text', { name: 'toString' })], {}, regions)).toEqual([
      { field: 'form.toString', code: 'required' },
    ]);
  });

  it('reports every problem at once, in the order of the standard, unknown fields last', () => {
    const fields: FormFieldRule[] = [
      { name: 'childName', type: 'text', required: true, maxLength: 100 },
      { name: 'birthDate', type: 'date', required: true },
      { name: 'motherNik', type: 'nik', required: true },
      { name: 'birthWeightGrams', type: 'number', required: false, min: 300, max: 7000 },
      { name: 'twins', type: 'boolean', required: false },
    ];
    expect(
      validateForm(
        fields,
        {
          extra: 1,
          birthDate: '2026-02-30',
          motherNik: '3201014506900001',
          birthWeightGrams: 9000,
        },
        regions,
      ),
    ).toEqual([
      { field: 'form.childName', code: 'required' },
      { field: 'form.birthDate', code: 'must_be_date' },
      { field: 'form.birthWeightGrams', code: 'number_max', params: { max: 7000 } },
      { field: 'form.extra', code: 'unknown_field' },
    ]);
  });

  it('accepts a complete, valid form', () => {
    const fields: FormFieldRule[] = [
      { name: 'businessName', type: 'text', required: true },
      { name: 'kbli', type: 'kbli', required: true },
      { name: 'scale', type: 'enum', required: true, options: ['MIKRO', 'KECIL'] },
      { name: 'capital', type: 'number', required: true, min: 0 },
      { name: 'email', type: 'email', required: false },
    ];
    expect(
      validateForm(
        fields,
        { businessName: 'Warung Makan Sejahtera', kbli: '56101', scale: 'MIKRO', capital: 5e7 },
        regions,
      ),
    ).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it('knows leap years', () => {
    expect([2024, 2023, 2000, 1900].map((year) => isIsoDate(`${year}-02-29`))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('checkFormRules', () => {
  it('accepts well-formed fields', () => {
    expect(
      checkFormRules(
        [
          { name: 'a', type: 'text', required: true, maxLength: 10 },
          { name: 'b', type: 'number', required: true, min: 0, max: 10 },
          { name: 'c', type: 'enum', required: true, options: ['X'] },
        ],
        ['KTP', 'KK'],
      ),
    ).toEqual([]);
  });

  it('refuses duplicate names and kinds, an enum without options and bounds of another type', () => {
    expect(
      checkFormRules(
        [
          { name: 'a', type: 'enum', required: true },
          { name: 'a', type: 'text', required: true, options: ['X'], min: 1 },
          { name: 'b', type: 'date', required: true, maxLength: 10, max: 3 },
          { name: 'c', type: 'number', required: true, min: 5, max: 1 },
        ],
        ['KTP', 'KTP'],
      ),
    ).toEqual([
      { field: 'requirements.fields.0.options', code: 'required' },
      { field: 'requirements.fields.1.name', code: 'duplicate' },
      { field: 'requirements.fields.1.options', code: 'not_for_type', params: { type: 'text' } },
      { field: 'requirements.fields.1.min', code: 'not_for_type', params: { type: 'text' } },
      { field: 'requirements.fields.2.maxLength', code: 'not_for_type', params: { type: 'date' } },
      { field: 'requirements.fields.2.max', code: 'not_for_type', params: { type: 'date' } },
      { field: 'requirements.fields.3.max', code: 'number_min', params: { min: 5 } },
      { field: 'requirements.documents.1.kind', code: 'duplicate' },
    ]);
  });
});
