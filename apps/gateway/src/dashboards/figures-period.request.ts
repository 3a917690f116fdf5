import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { AGENCY_CODE } from '../openapi/formats';

/** A calendar day in a figures query (`from`, `to`): OpenAPI's format and the check beside it. */
export const FIGURES_DAY = {
  type: String,
  format: 'date',
  minLength: 10,
  maxLength: 10,
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
} as const;

export const FIGURES_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period and scope every figures query shares (complaint handling, the mall floor): each
 * figures request documents its own `from` again, saying what falls in its days.
 */
export abstract class FiguresPeriodRequest {
  @ApiProperty({ ...FIGURES_DAY, description: 'The first day', example: '2026-01-01' })
  @IsDefined()
  @IsString()
  @Matches(FIGURES_DAY_PATTERN, { context: { code: 'must_be_date' } })
  from: string;

  @ApiProperty({
    ...FIGURES_DAY,
    description: 'The day after the last (at most 367 days after `from`)',
    example: '2026-04-01',
  })
  @IsDefined()
  @IsString()
  @Matches(FIGURES_DAY_PATTERN, { context: { code: 'must_be_date' } })
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

/** The period and scope as the owning service's figures request takes them. */
export function figuresPeriodOf(query: FiguresPeriodRequest): {
  from: string;
  to: string;
  agencyCode?: string;
} {
  return {
    from: query.from,
    to: query.to,
    ...(query.agencyCode ? { agencyCode: query.agencyCode } : {}),
  };
}
