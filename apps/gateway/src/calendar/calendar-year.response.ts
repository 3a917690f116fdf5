import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  DAY_OFF_KINDS,
  type CalendarYearV1,
  type DayOffKind,
} from '@satupintu/contracts';
import { DAY_OFF_KIND, DAY_OFF_NAME_EN, DAY_OFF_NAME_ID, DAY_OFF_NOTE } from './day-off.request';

export const CALENDAR_DATE = {
  type: String,
  format: 'date',
  minLength: 10,
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  example: '2025-08-18',
};

export const CALENDAR_YEAR = {
  type: Number,
  minimum: CALENDAR_FIRST_YEAR,
  maximum: CALENDAR_LAST_YEAR,
  example: 2025,
};

export class DayOffResponse {
  @ApiProperty(CALENDAR_DATE)
  date: string;

  @ApiProperty({ ...DAY_OFF_KIND, enum: DAY_OFF_KINDS })
  kind: DayOffKind;

  @ApiProperty(DAY_OFF_NAME_ID)
  nameId: string;

  @ApiProperty(DAY_OFF_NAME_EN)
  nameEn: string;

  @ApiPropertyOptional(DAY_OFF_NOTE)
  note?: string;
}

export class CalendarYearResponse {
  @ApiProperty(CALENDAR_YEAR)
  year: number;

  @ApiProperty({
    description:
      "Grows with every change of this year's days off; the services that compute deadlines hold this version",
    minimum: 1,
    maximum: 2147483647,
    example: 2,
  })
  version: number;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: "The decree (SKB) the year's days off come from, as first loaded",
    example: 'SKB Menag/Menaker/MenPANRB No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024',
  })
  decree?: string;

  @ApiProperty({
    type: [DayOffResponse],
    maxItems: 366,
    description:
      'In date order. Saturdays and Sundays may appear (the decree lists them); they are never working days anyway.',
  })
  daysOff: DayOffResponse[];
}

export const toCalendarYearResponse = (year: CalendarYearV1): CalendarYearResponse => ({
  year: year.year,
  version: year.version,
  ...(year.decree ? { decree: year.decree } : {}),
  daysOff: year.daysOff.slice(0, 366).map((day) => ({
    date: day.date,
    kind: day.kind,
    nameId: day.nameId,
    nameEn: day.nameEn,
    ...(day.note ? { note: day.note } : {}),
  })),
});

export const AUGUST_18: DayOffResponse = {
  date: '2025-08-18',
  kind: 'CUTI_BERSAMA',
  nameId: 'Cuti Bersama Hari Kemerdekaan Republik Indonesia',
  nameEn: 'Collective leave (cuti bersama): Independence Day',
  note: 'SKB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (7 Aug 2025)',
};

export const CALENDAR_YEAR_EXAMPLE: CalendarYearResponse = {
  year: 2025,
  version: 2,
  decree: 'SKB Menag/Menaker/MenPANRB No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024',
  daysOff: [
    {
      date: '2025-01-01',
      kind: 'HOLIDAY',
      nameId: 'Tahun Baru 2025 Masehi',
      nameEn: "New Year's Day",
    },
    {
      date: '2025-08-17',
      kind: 'HOLIDAY',
      nameId: 'Hari Kemerdekaan Republik Indonesia',
      nameEn: 'Independence Day',
    },
    AUGUST_18,
  ],
};
