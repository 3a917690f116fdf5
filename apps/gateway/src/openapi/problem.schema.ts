import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEMS, PROBLEM_LIMITS, REQUEST_ID_PATTERN, type ProblemCode } from '@satupintu/common';

const FIELD_CODE = { maxLength: 64, pattern: '^[a-z0-9]+(_[a-z0-9]+)*$' };

export class FieldProblem {
  @ApiProperty({
    description:
      'Dotted path into the request body; an unknown field’s name is cut at 64 characters',
    maxLength: PROBLEM_LIMITS.field,
    example: 'applicant.nik',
  })
  field: string;

  @ApiProperty({ ...FIELD_CODE, description: 'Stable code of the problem', example: 'nik_format' })
  code: string;

  @ApiProperty({
    description: 'The problem in the caller’s language',
    maxLength: PROBLEM_LIMITS.message,
    example: 'NIK harus 16 digit angka',
  })
  message: string;
}

/** RFC 9457 problem details, as every error is answered (application/problem+json). */
export class Problem {
  @ApiProperty({
    description: '`urn:satupintu:problem:` and the code, with `_` written as `-`',
    maxLength: 64,
    pattern: '^urn:satupintu:problem:[a-z]+(-[a-z]+)*$',
    example: 'urn:satupintu:problem:validation-failed',
  })
  type: string;

  @ApiProperty({ maxLength: PROBLEM_LIMITS.title, example: 'Data tidak valid' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status: number;

  @ApiProperty({
    maxLength: PROBLEM_LIMITS.detail,
    example: 'Periksa kolom yang disebutkan di `errors`.',
  })
  detail: string;

  @ApiPropertyOptional({
    description: 'The request’s path and query, cut when longer than the limit',
    maxLength: PROBLEM_LIMITS.instance,
    example: '/v1/applications',
  })
  instance?: string;

  @ApiProperty({
    description: 'What went wrong, as a stable code to act on',
    enum: Object.keys(PROBLEMS) as ProblemCode[],
    enumName: 'ProblemCode',
    enumSchema: { description: 'Stable problem codes; new ones may be added' },
    example: 'validation_failed',
  })
  code: ProblemCode;

  @ApiPropertyOptional({
    description: 'Quote it when asking for support; the same as the `X-Request-Id` header',
    maxLength: 128,
    pattern: REQUEST_ID_PATTERN.source,
    example: 'call-center-4711',
  })
  requestId?: string;

  @ApiPropertyOptional({
    type: [FieldProblem],
    description: `Every invalid field, for \`validation_failed\` and \`unprocessable\`; the first ${PROBLEM_LIMITS.errors} when there are more`,
    maxItems: PROBLEM_LIMITS.errors,
  })
  errors?: FieldProblem[];
}
