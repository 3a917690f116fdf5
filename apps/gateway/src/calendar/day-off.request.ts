import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DAY_OFF_KINDS,
  DAY_OFF_NAME_MAX,
  DAY_OFF_NOTE_MAX,
  type DayOffKind,
  type PutDayOffV1,
} from '@satupintu/contracts';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const DAY_OFF_KIND = {
  enum: DAY_OFF_KINDS,
  enumName: 'DayOffKind',
  enumSchema: {
    description:
      '`HOLIDAY`: a national holiday (libur nasional); `CUTI_BERSAMA`: a collective leave day. Both are ' +
      'days off for the mall and its agencies, as the joint decree (SKB) of each year sets them.',
  },
  example: 'CUTI_BERSAMA',
} as const;

export const DAY_OFF_NAME_ID = {
  type: String,
  minLength: 1,
  maxLength: DAY_OFF_NAME_MAX,
  description: 'Its name in Indonesian',
  example: 'Cuti Bersama Hari Kemerdekaan Republik Indonesia',
};

export const DAY_OFF_NAME_EN = {
  type: String,
  minLength: 1,
  maxLength: DAY_OFF_NAME_MAX,
  description: 'Its name in English',
  example: 'Collective leave (cuti bersama): Independence Day',
};

export const DAY_OFF_NOTE = {
  type: String,
  maxLength: DAY_OFF_NOTE_MAX,
  description: 'Where it comes from: the decree (SKB) and any amendment, a source page',
  example: 'SKB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (7 Aug 2025)',
};

/** The day off on the date the path names; added, or replacing the one there. */
export class PutDayOffRequest {
  @ApiProperty(DAY_OFF_KIND)
  @IsDefined()
  @IsIn(DAY_OFF_KINDS)
  kind: DayOffKind;

  @ApiProperty(DAY_OFF_NAME_ID)
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DAY_OFF_NAME_MAX)
  nameId: string;

  @ApiProperty(DAY_OFF_NAME_EN)
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DAY_OFF_NAME_MAX)
  nameEn: string;

  @ApiPropertyOptional(DAY_OFF_NOTE)
  @IsOptional()
  @IsString()
  @MaxLength(DAY_OFF_NOTE_MAX)
  note?: string;
}

export const toPutDayOffV1 = (year: number, date: string, body: PutDayOffRequest): PutDayOffV1 => ({
  year,
  date,
  kind: body.kind,
  nameId: body.nameId,
  nameEn: body.nameEn,
  ...(body.note !== undefined ? { note: body.note } : {}),
});
