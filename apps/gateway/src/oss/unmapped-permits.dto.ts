import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CURSOR_PATTERN, WORK_QUEUE_LIMITS } from '../work-queue/work-queue.request';

export class UnmappedPermitsQuery {
  @ApiPropertyOptional({ description: 'Permits per page', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(CURSOR_PATTERN))
  cursor?: string;
}

export class UnmappedPermitResponse {
  @ApiProperty({ maxLength: 13, pattern: '^\\d{13}$', example: '8120000110171' })
  nib: string;

  @ApiProperty({
    maxLength: 25,
    description: "OSS's id of the permit request",
    example: 'I-202612010003',
  })
  idIzin: string;

  @ApiPropertyOptional({
    maxLength: 13,
    description: "The K/L/D's permit code (Lampiran 8)",
    example: '059000000099',
  })
  kdIzin?: string;

  @ApiPropertyOptional({ maxLength: 5, pattern: '^\\d{5}$', example: '47111' })
  kbli?: string;

  @ApiPropertyOptional({ maxLength: 25, example: 'R-202612010001' })
  idProyek?: string;

  @ApiPropertyOptional({ maxLength: 255, example: 'Izin Usaha Toko Swalayan' })
  namaIzin?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Dinas Perdagangan' })
  instansi?: string;

  @ApiProperty({ format: 'date-time', maxLength: 40, example: '2026-12-03T08:15:00.000Z' })
  receivedAt: string;
}

export class UnmappedPermitsResponse {
  @ApiProperty({ type: [UnmappedPermitResponse], maxItems: 100 })
  items: UnmappedPermitResponse[];

  @ApiPropertyOptional({
    description: 'Present when there is more: pass it as `cursor`',
    maxLength: WORK_QUEUE_LIMITS.cursor,
    pattern: CURSOR_PATTERN,
  })
  nextCursor?: string;
}

export const UNMAPPED_PERMITS_EXAMPLE: UnmappedPermitsResponse = {
  items: [
    {
      nib: '8120000110171',
      idIzin: 'I-202612010003',
      kdIzin: '059000000099',
      kbli: '47111',
      idProyek: 'R-202612010001',
      namaIzin: 'Izin Usaha Toko Swalayan',
      instansi: 'Dinas Perdagangan',
      receivedAt: '2026-12-03T08:15:00.000Z',
    },
  ],
};
