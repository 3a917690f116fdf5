export type NikProblem =
  | 'nik_format'
  | 'nik_region'
  | 'nik_birth_date'
  | 'nik_serial'
  | 'nik_birth_date_mismatch'
  | 'nik_gender_mismatch';

export interface ParsedNik {
  /** The 16 digits, without surrounding whitespace. */
  nik: string;
  /** 'PP', e.g. '32'. */
  provinceCode: string;
  /** 'PP.KK', e.g. '32.01' (the same form as idn-area-data's regency codes). */
  regencyCode: string;
  /** 'PP.KK.CC', e.g. '32.01.01'. */
  districtCode: string;
  gender: 'F' | 'M';
  /** 1..31, with the 40 added for women already removed. */
  birthDay: number;
  birthMonth: number;
  /** 0..99: the NIK does not say which century. */
  birthYear2: number;
  serial: string;
}

export type NikResult = { ok: true; value: ParsedNik } | { ok: false; problem: NikProblem };

export interface RegionIndex {
  hasDistrict(code: string): boolean;
}

const NIK_PATTERN = /^[0-9]{16}$/;
const ISO_DATE_PATTERN = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const FEMALE_DAY_OFFSET = 40;

/**
 * `stated.birthDate` (YYYY-MM-DD) is ignored when it is not a real calendar date: the caller
 * validates its own fields, and this function only reports disagreements with the NIK.
 */
export function parseNik(
  input: string,
  regions: RegionIndex,
  stated?: { birthDate?: string; gender?: 'F' | 'M' },
): NikResult {
  const nik = input.trim();
  if (!NIK_PATTERN.test(nik)) return { ok: false, problem: 'nik_format' };

  const provinceCode = nik.slice(0, 2);
  const regencyCode = `${provinceCode}.${nik.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${nik.slice(4, 6)}`;
  if (!regions.hasDistrict(districtCode)) return { ok: false, problem: 'nik_region' };

  const rawDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYear2 = Number(nik.slice(10, 12));
  const gender = rawDay > FEMALE_DAY_OFFSET ? 'F' : 'M';
  const birthDay = gender === 'F' ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  // The century is unknown, so 29 February is accepted when either 19YY or 20YY is a leap year.
  const plausibleDate =
    isCalendarDate(1900 + birthYear2, birthMonth, birthDay) ||
    isCalendarDate(2000 + birthYear2, birthMonth, birthDay);
  if (!plausibleDate) return { ok: false, problem: 'nik_birth_date' };

  const serial = nik.slice(12, 16);
  if (serial === '0000') return { ok: false, problem: 'nik_serial' };

  const statedDate = stated?.birthDate === undefined ? null : parseIsoDate(stated.birthDate);
  if (
    statedDate !== null &&
    (statedDate.day !== birthDay ||
      statedDate.month !== birthMonth ||
      statedDate.year % 100 !== birthYear2)
  ) {
    return { ok: false, problem: 'nik_birth_date_mismatch' };
  }
  if (stated?.gender !== undefined && stated.gender !== gender) {
    return { ok: false, problem: 'nik_gender_mismatch' };
  }

  return {
    ok: true,
    value: {
      nik,
      provinceCode,
      regencyCode,
      districtCode,
      gender,
      birthDay,
      birthMonth,
      birthYear2,
      serial,
    },
  };
}

/**
 * PRODUCT.md's mask, `3201********0001`: the province and regency (first 4) and the serial
 * (last 4) stay, so staff can tell records apart; the district, birth date and gender in the
 * middle are hidden.
 */
export function maskNik(nik: string): string {
  const trimmed = nik.trim();
  if (!NIK_PATTERN.test(trimmed)) return '****';
  return `${trimmed.slice(0, 4)}********${trimmed.slice(12)}`;
}

function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE_PATTERN.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
