import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GetFloorFiguresV1 } from '@satupintu/contracts';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { AGENCY_CODE } from '../openapi/formats';

const DAY = {
  type: String,
  format: 'date',
  minLength: 10,
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
} as const;

export class FloorFiguresRequest {
  @ApiProperty({
    ...DAY,
    description: "The first day (tickets of the mall's days from it)",
    example: '2026-03-02',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  from: string;

  @ApiProperty({
    ...DAY,
    description: 'The day after the last (at most 367 days after `from`)',
    example: '2026-03-03',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  to: string;

  @ApiPropertyOptional({
    ...AGENCY_CODE,
    description: 'Only this agency (an agency admin: theirs)',
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(AGENCY_CODE.pattern), { context: { code: 'agency_code_format' } })
  agencyCode?: string;
}

export function toGetFloorFiguresV1(query: FloorFiguresRequest): GetFloorFiguresV1 {
  return {
    from: query.from,
    to: query.to,
    ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
  };
}
