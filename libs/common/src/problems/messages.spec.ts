import { FIELD_MESSAGES, PROBLEMS, interpolate, localeFrom } from './messages';

describe('localeFrom', () => {
  it('answers in Indonesian when there is no Accept-Language header', () => {
    expect(localeFrom(undefined)).toBe('id');
  });

  it('answers in Indonesian when the header is empty', () => {
    expect(localeFrom('')).toBe('id');
  });

  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['id', 'id'],
    ['id-ID', 'id'],
    ['in', 'id'],
    ['in-ID', 'id'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });

  it('answers in English when Accept-Language prefers en', () => {
    expect(localeFrom('id;q=0.5, en;q=0.9')).toBe('en');
  });

  it('answers in Indonesian when Accept-Language prefers id', () => {
    expect(localeFrom('en;q=0.5, id;q=0.8')).toBe('id');
  });

  it('treats a language without q as weight 1, above any weighted one', () => {
    expect(localeFrom('en;q=0.9, id')).toBe('id');
    expect(localeFrom('id;q=0.9, en-US')).toBe('en');
  });

  it('keeps the first of two supported languages with the same weight', () => {
    expect(localeFrom('en, id')).toBe('en');
    expect(localeFrom('id, en')).toBe('id');
    expect(localeFrom('en;q=0.5, id;q=0.5')).toBe('en');
  });

  it('skips unsupported languages and picks the best supported one', () => {
    expect(localeFrom('fr-FR, de;q=0.9, en;q=0.3')).toBe('en');
  });

  it.each(['fr', 'ja-JP, zh;q=0.8', '*', 'english', 'indonesian'])(
    'falls back to Indonesian when only unknown languages are listed: %j',
    (header) => {
      expect(localeFrom(header)).toBe('id');
    },
  );

  it('ignores a language with q=0, which means "not acceptable"', () => {
    expect(localeFrom('en;q=0')).toBe('id');
    expect(localeFrom('id;q=0, en;q=0.1')).toBe('en');
  });

  it('reads parameters regardless of spacing after the semicolon and case', () => {
    expect(localeFrom('id;  q=0.2 ,  en; Q=0.7')).toBe('en');
  });

  it('finds q among other parameters', () => {
    expect(localeFrom('id;q=0.4, en;level=1;q=0.6')).toBe('en');
  });

  it.each([
    ['en;q=abc', 'id'],
    ['en;q=', 'id'],
    ['en;q=abc, fr', 'id'],
    ['en;q=abc, id;q=0.1', 'id'],
    [',,,', 'id'],
    [';;;', 'id'],
    [';q=1', 'id'],
    ['  ,en', 'en'],
    ['-en', 'id'],
  ])('copes with the malformed header %j', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });
});

describe('interpolate', () => {
  it('replaces each {name} with its parameter', () => {
    expect(interpolate('There is no {method} {path}.', { method: 'GET', path: '/x' })).toBe(
      'There is no GET /x.',
    );
  });

  it('writes numbers as text', () => {
    expect(interpolate('at most {max}', { max: 200 })).toBe('at most 200');
    expect(interpolate('{n}', { n: 0 })).toBe('0');
  });

  it('replaces a placeholder every time it appears', () => {
    expect(interpolate('{a}-{a}', { a: 'x' })).toBe('x-x');
  });

  it('leaves a placeholder without a parameter as it is', () => {
    expect(interpolate('max {limit} bytes', { other: 1 })).toBe('max {limit} bytes');
  });

  it('leaves the template alone when no parameters are given', () => {
    expect(interpolate('see {docs}')).toBe('see {docs}');
    expect(interpolate('plain text')).toBe('plain text');
  });

  it('does not interpolate again inside a substituted value', () => {
    expect(interpolate('{a} {b}', { a: '{b}', b: 'B' })).toBe('{b} B');
  });

  it('touches only word-character placeholders', () => {
    expect(interpolate('{a-b} { a } {}', { 'a-b': 'x', a: 'y' })).toBe('{a-b} { a } {}');
  });

  it('substitutes an empty string parameter', () => {
    expect(interpolate('[{x}]', { x: '' })).toBe('[]');
  });
});

describe('message catalog', () => {
  const problemCodes = Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[];
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(problemCodes)('has a non-empty title and detail in id and en for %s', (code) => {
    const { title, detail } = PROBLEMS[code];
    for (const text of [title.id, title.en, detail.id, detail.en]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it.each(problemCodes)('uses the same placeholders in both languages for %s', (code) => {
    const { title, detail } = PROBLEMS[code];
    expect(placeholders(title.id)).toEqual(placeholders(title.en));
    expect(placeholders(detail.id)).toEqual(placeholders(detail.en));
  });

  it.each(problemCodes)('names %s in snake_case, so its URN is well formed', (code) => {
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it.each(Object.keys(FIELD_MESSAGES))('has a non-empty id and en message for %s', (code) => {
    const text = FIELD_MESSAGES[code];
    expect(text.id.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(placeholders(text.id)).toEqual(placeholders(text.en));
  });

  it('has the fallback field message invalid', () => {
    expect(FIELD_MESSAGES.invalid).toEqual({ id: 'tidak valid', en: 'is invalid' });
  });

  it.each([
    'required',
    'must_be_string',
    'must_be_object',
    'must_be_one_of',
    'max_length',
    'min_length',
    'must_be_date',
    'unknown_field',
    'nik_format',
    'nik_region',
    'nik_birth_date',
    'nik_serial',
    'nik_birth_date_mismatch',
    'nik_gender_mismatch',
    'unknown_service',
    'applicant_is_caller',
    'channel_not_for_caller',
    'not_business_member',
  ])(
    'has a field message for the code %s that validation, NIK parsing and submission produce',
    (code) => {
      expect(FIELD_MESSAGES[code]).toBeDefined();
    },
  );
});

describe('localeFrom with the spacing RFC 9110 allows', () => {
  it('understands whitespace before the semicolon of a weighted language', () => {
    expect(localeFrom('en ;q=0.8')).toBe('en');
    expect(localeFrom('id;q=0.2, en ; q=0.7')).toBe('en');
  });

  it('ignores a weight above 1', () => {
    expect(localeFrom('en;q=2, id')).toBe('id');
  });
});

describe('interpolate with hostile keys', () => {
  it('does not reach into inherited properties', () => {
    expect(interpolate('{constructor}', {})).toBe('{constructor}');
  });
});
