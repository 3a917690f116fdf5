import {
  DOCUMENT_NUMBER_PATTERN,
  documentYear,
  formatDocumentNumber,
  parseDocumentNumber,
} from './document-number';

describe('document numbers', () => {
  it('reads agency, year and a zero-padded sequence', () => {
    expect(formatDocumentNumber({ agencyCode: 'DUKCAPIL', year: 2026, sequence: 42 })).toBe(
      'DUKCAPIL-2026-000042',
    );
  });

  it('grows past six digits instead of wrapping', () => {
    expect(formatDocumentNumber({ agencyCode: 'PUPR', year: 2026, sequence: 1_234_567 })).toBe(
      'PUPR-2026-1234567',
    );
  });

  it('parses back what it formats, agency codes with hyphens included', () => {
    for (const parts of [
      { agencyCode: 'DUKCAPIL', year: 2026, sequence: 1 },
      { agencyCode: 'BPJS-KES', year: 2027, sequence: 999_999 },
      { agencyCode: 'A-2026', year: 2026, sequence: 1_000_000 },
    ]) {
      expect(parseDocumentNumber(formatDocumentNumber(parts))).toEqual(parts);
    }
  });

  it('accepts lower case and surrounding spaces, as typed', () => {
    expect(parseDocumentNumber(' dukcapil-2026-000042 ')).toEqual({
      agencyCode: 'DUKCAPIL',
      year: 2026,
      sequence: 42,
    });
  });

  it.each([
    ['no sequence', 'DUKCAPIL-2026'],
    ['a short sequence', 'DUKCAPIL-2026-42'],
    ['a second spelling of one number', 'DUKCAPIL-2026-0000042'],
    ['sequence zero', 'DUKCAPIL-2026-000000'],
    ['a two-digit year', 'DUKCAPIL-26-000042'],
    ['a slash', 'DUKCAPIL/2026/000042'],
    ['a dot', 'DUKCAPIL.2026.000042'],
    ['a path', '../DUKCAPIL-2026-000042'],
    ['a one-letter agency', 'D-2026-000042'],
    ['a tracking number', 'K7M39QX2C'],
  ])('refuses %s', (_case, input) => {
    expect(parseDocumentNumber(input)).toBeNull();
  });

  it('is URL-safe as it is', () => {
    const number = formatDocumentNumber({ agencyCode: 'BPJS-KES', year: 2026, sequence: 7 });
    expect(encodeURIComponent(number)).toBe(number);
    expect(DOCUMENT_NUMBER_PATTERN.test(number)).toBe(true);
  });

  it('refuses to format what it could not parse', () => {
    expect(() => formatDocumentNumber({ agencyCode: 'DUKCAPIL', year: 2026, sequence: 0 })).toThrow(
      RangeError,
    );
    expect(() => formatDocumentNumber({ agencyCode: 'dukcapil', year: 2026, sequence: 1 })).toThrow(
      /agency code/,
    );
    expect(() => formatDocumentNumber({ agencyCode: 'DUKCAPIL', year: 26, sequence: 1 })).toThrow(
      /year/,
    );
  });

  it("numbers by the agency's calendar year, not UTC's", () => {
    // 31 December 2026, 18:00 UTC: already 1 January 2027 in Jakarta (+07:00) and Jayapura (+09:00).
    const instant = new Date('2026-12-31T18:00:00Z');
    expect(documentYear(instant, 'Asia/Jakarta')).toBe(2027);
    expect(documentYear(instant, 'Asia/Jayapura')).toBe(2027);
    expect(documentYear(new Date('2026-12-31T16:59:59Z'), 'Asia/Jakarta')).toBe(2026);
  });
});
