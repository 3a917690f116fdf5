import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldProblem {
  @ApiProperty({ example: 'applicant.nik' })
  field: string;

  @ApiProperty({ example: 'nik_format' })
  code: string;

  @ApiProperty({ example: 'NIK harus 16 digit angka' })
  message: string;
}

/** RFC 9457 problem details, as every error is answered (application/problem+json). */
export class Problem {
  @ApiProperty({ example: 'urn:satupintu:problem:validation-failed' })
  type: string;

  @ApiProperty({ example: 'Data tidak valid' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'Periksa kolom yang disebutkan di `errors`.' })
  detail: string;

  @ApiPropertyOptional({ example: '/v1/applications' })
  instance?: string;

  @ApiProperty({ example: 'validation_failed' })
  code: string;

  @ApiPropertyOptional({ description: 'Quote it when asking for support' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldProblem] })
  errors?: FieldProblem[];
}
