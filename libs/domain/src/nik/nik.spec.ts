import { maskNik, parseNik, type NikProblem, type RegionIndex } from './nik';
import { loadRegionIndex, regionIndexOf } from './region-index';

const regions = regionIndexOf(['32.01.01', '31.71.01', '96.71.10']);

/** Builds a NIK from its parts so each test shows which part it is about. */
function nik(district = '320101', ddmmyy = '010790', serial = '0001'): string {
  return district + ddmmyy + serial;
}

function problemOf(
  input: string,
  stated?: { birthDate?: string; gender?: 'F' | 'M' },
): NikProblem | null {
  const result = parseNik(input, regions, stated);
  return result.ok ? null : result.problem;
}

describe('parseNik', () => {
  describe('a valid NIK', () => {
    it('is split into region codes, gender, birth date and serial', () => {
      expect(parseNik('3201010107900001', regions)).toEqual({
        ok: true,
        value: {
          nik: '3201010107900001',
          provinceCode: '32',
          regencyCode: '32.01',
          districtCode: '32.01.01',
          gender: 'M',
          birthDay: 1,
          birthMonth: 7,
          birthYear2: 90,
          serial: '0001',
        },
      });
    });

    it('belongs to a woman when 40 was added to the day, and reports the real day', () => {
      const result = parseNik(nik('320101', '410790'), regions);
      expect(result).toMatchObject({ ok: true, value: { gender: 'F', birthDay: 1 } });
    });

    it.each([
      ['01', 'M', 1],
      ['31', 'M', 31],
      ['41', 'F', 1],
      ['71', 'F', 31],
    ])('accepts the boundary day %s as %s, day %i', (dd, gender, day) => {
      const result = parseNik(nik('320101', `${dd}0190`), regions);
      expect(result).toMatchObject({ ok: true, value: { gender, birthDay: day } });
    });

    it('keeps a year in the 2000s as its two digits', () => {
      const result = parseNik(nik('320101', '150805'), regions);
      expect(result).toMatchObject({
        ok: true,
        value: { birthDay: 15, birthMonth: 8, birthYear2: 5 },
      });
    });

    it('has surrounding whitespace removed', () => {
      const result = parseNik(' \t3201010107900001\n', regions);
      expect(result).toMatchObject({ ok: true, value: { nik: '3201010107900001' } });
    });

    it.each(['0001', '0010', '9999'])('accepts the serial %s', (serial) => {
      expect(problemOf(nik('320101', '010790', serial))).toBeNull();
    });
  });

  describe('format', () => {
    it.each([
      ['an empty string', ''],
      ['15 digits', '320101010790001'],
      ['17 digits', '32010101079000011'],
      ['a space inside', '3201010107 900001'],
      ['separators', '320101-010790-0001'],
      ['a letter', '320101010790000A'],
      ['a sign', '+320101010790001'],
      ['full-width digits', '３２０１０１０１０７９０００１'],
      ['Arabic-Indic digits', '٣٢٠١٠١٠١٠٧٩٠٠٠١'],
      ['a number in exponent notation', '3.201010107900001e15'],
    ])('rejects %s as nik_format', (_case, input) => {
      expect(problemOf(input)).toBe('nik_format');
    });
  });

  describe('region', () => {
    it('rejects a district code that is not in the index', () => {
      expect(problemOf(nik('320199'))).toBe('nik_region');
      expect(problemOf(nik('999999'))).toBe('nik_region');
    });

    it('looks the district up as PP.KK.CC', () => {
      const asked: string[] = [];
      const spy: RegionIndex = {
        hasDistrict: (code) => {
          asked.push(code);
          return true;
        },
      };
      parseNik(nik('967110'), spy);
      expect(asked).toEqual(['96.71.10']);
    });
  });

  describe('birth date', () => {
    it.each([
      ['day 00', '000190'],
      ['day 32', '320190'],
      ['day 40', '400190'],
      ['day 72', '720190'],
      ['day 99', '990190'],
      ['month 00', '010090'],
      ['month 13', '011390'],
      ['31 April', '310490'],
      ['31 April for a woman', '710490'],
      ['30 February', '300290'],
      ['30 February for a woman', '700290'],
      ['29 February 2001 or 1901', '290201'],
      ['29 February 1999 or 2099', '290299'],
    ])('rejects %s as nik_birth_date', (_case, ddmmyy) => {
      expect(problemOf(nik('320101', ddmmyy))).toBe('nik_birth_date');
    });

    it.each([
      ['2000 (a leap year although 1900 is not)', '290200'],
      ['1904 or 2004', '290204'],
      ['1996 or 2096', '290296'],
      ['1996 or 2096, for a woman', '690296'],
    ])('accepts 29 February of %s', (_case, ddmmyy) => {
      expect(problemOf(nik('320101', ddmmyy))).toBeNull();
    });

    it('accepts the last day of every month', () => {
      const lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      lastDays.forEach((day, i) => {
        const mm = String(i + 1).padStart(2, '0');
        expect(problemOf(nik('320101', `${day}${mm}90`))).toBeNull();
        expect(problemOf(nik('320101', `${day + 40}${mm}90`))).toBeNull();
      });
    });
  });

  describe('serial', () => {
    it('rejects 0000 as nik_serial', () => {
      expect(problemOf(nik('320101', '010790', '0000'))).toBe('nik_serial');
    });
  });

  describe('stated birth date', () => {
    it('is accepted when day, month and two-digit year agree, whatever the century', () => {
      expect(problemOf(nik('320101', '010790'), { birthDate: '1990-07-01' })).toBeNull();
      expect(problemOf(nik('320101', '010705'), { birthDate: '2005-07-01' })).toBeNull();
      expect(problemOf(nik('320101', '010705'), { birthDate: '1905-07-01' })).toBeNull();
    });

    it("is compared with a woman's real day, not the day with 40 added", () => {
      expect(problemOf(nik('320101', '410790'), { birthDate: '1990-07-01' })).toBeNull();
    });

    it.each([
      ['the day', '1990-07-02'],
      ['the month', '1990-08-01'],
      ['the two-digit year', '1991-07-01'],
      ['the two-digit year by a century and one', '2091-07-01'],
    ])('is a mismatch when it differs in %s', (_case, birthDate) => {
      expect(problemOf(nik('320101', '010790'), { birthDate })).toBe('nik_birth_date_mismatch');
    });

    it.each([
      ['an empty string', ''],
      ['not a date', 'yesterday'],
      ['day-first order', '01-07-1990'],
      ['missing zero padding', '1990-7-1'],
      ['a timestamp', '1990-07-01T00:00:00Z'],
      ['30 February', '1990-02-30'],
      ['29 February of a common year', '1900-02-29'],
      ['month 13', '1990-13-01'],
      ['day 41 (the NIK encoding)', '1990-07-41'],
    ])('is ignored when it is %s, as the caller validates its own fields', (_case, birthDate) => {
      expect(problemOf(nik('320101', '010790'), { birthDate })).toBeNull();
      expect(problemOf(nik('320101', '020790'), { birthDate })).toBeNull();
    });
  });

  describe('stated gender', () => {
    it('is accepted when it agrees', () => {
      expect(problemOf(nik('320101', '010790'), { gender: 'M' })).toBeNull();
      expect(problemOf(nik('320101', '410790'), { gender: 'F' })).toBeNull();
    });

    it('is a mismatch when it disagrees', () => {
      expect(problemOf(nik('320101', '010790'), { gender: 'F' })).toBe('nik_gender_mismatch');
      expect(problemOf(nik('320101', '410790'), { gender: 'M' })).toBe('nik_gender_mismatch');
    });

    it('is not required, nor is anything else stated', () => {
      expect(problemOf(nik(), {})).toBeNull();
      expect(problemOf(nik(), { birthDate: undefined, gender: undefined })).toBeNull();
    });
  });

  describe('check order', () => {
    it('reports a bad format without consulting the region index', () => {
      const hasDistrict = jest.fn(() => true);
      expect(parseNik('32010101079000', { hasDistrict })).toEqual({
        ok: false,
        problem: 'nik_format',
      });
      expect(hasDistrict).not.toHaveBeenCalled();
    });

    it.each<[string, string, { birthDate?: string; gender?: 'F' | 'M' } | undefined, NikProblem]>([
      ['region before birth date', nik('999999', '000000'), undefined, 'nik_region'],
      ['region before serial', nik('999999', '010790', '0000'), undefined, 'nik_region'],
      ['birth date before serial', nik('320101', '000190', '0000'), undefined, 'nik_birth_date'],
      [
        'serial before stated fields',
        nik('320101', '010790', '0000'),
        { birthDate: '1980-01-01', gender: 'F' },
        'nik_serial',
      ],
      [
        'stated birth date before stated gender',
        nik('320101', '010790'),
        { birthDate: '1980-01-01', gender: 'F' },
        'nik_birth_date_mismatch',
      ],
    ])('checks %s', (_case, input, stated, problem) => {
      expect(problemOf(input, stated)).toBe(problem);
    });
  });

  describe('with the real region index', () => {
    it('accepts a NIK registered in Cibinong, Kabupaten Bogor', () => {
      expect(parseNik('3201014107900001', loadRegionIndex())).toMatchObject({
        ok: true,
        value: { districtCode: '32.01.01', gender: 'F' },
      });
    });

    it('rejects a district code that does not exist', () => {
      expect(parseNik('9999990107900001', loadRegionIndex())).toEqual({
        ok: false,
        problem: 'nik_region',
      });
    });
  });
});

describe('maskNik', () => {
  it('keeps the province and regency (first 4) and serial (last 4), as PRODUCT.md masks it', () => {
    expect(maskNik('3201014107900001')).toBe('3201********0001');
  });

  it('keeps the length of 16', () => {
    expect(maskNik('3201014107900001')).toHaveLength(16);
  });

  it('masks a NIK with surrounding whitespace as parseNik would read it', () => {
    expect(maskNik(' 3201014107900001 ')).toBe('3201********0001');
  });

  it.each([
    ['an empty string', ''],
    ['15 digits', '320101410790000'],
    ['17 digits', '32010141079000011'],
    ['letters', 'ABCDEFGHIJKLMNOP'],
    ['a space inside', '3201014107 900001'],
  ])('hides %s completely', (_case, input) => {
    expect(maskNik(input)).toBe('****');
  });
});
