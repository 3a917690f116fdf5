import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { csvText, type CsvCell } from '@satupintu/common';
import type { FloorFiguresReportV1, FloorFiguresV1 } from '@satupintu/contracts';
import { AGENCY_CODE, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';

const COUNT = { type: Number, minimum: 0, maximum: 1_000_000_000, example: 12 };
/** Seconds, at most a day: a ticket is of one day. */
const SECONDS = { type: Number, nullable: true, minimum: 0, maximum: 86_400 };

export class FloorFiguresResponse {
  @ApiProperty({
    ...COUNT,
    description: 'Tickets checked in (walk-ins, and bookings once checked in)',
  })
  tickets: number;

  @ApiProperty({ ...COUNT, description: 'Of them, called at least once' })
  called: number;

  @ApiProperty({ ...COUNT, description: 'Of them, served' })
  served: number;

  @ApiProperty({ ...COUNT, description: 'Of them, called and not come (no-show)' })
  noShows: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'No-shows of the tickets finished (served or no-show); null with none finished',
    example: 0.125,
  })
  noShowRate: number | null;

  @ApiProperty({
    ...SECONDS,
    description: 'Mean seconds from check-in to the first call, to a tenth; null with none called',
    example: 612.4,
  })
  meanWaitSeconds: number | null;

  @ApiProperty({ ...SECONDS, description: 'Median of the same', example: 540 })
  medianWaitSeconds: number | null;

  @ApiProperty({
    ...SECONDS,
    description: '90th percentile of the same (interpolated)',
    example: 1200,
  })
  p90WaitSeconds: number | null;

  @ApiProperty({
    ...SECONDS,
    description:
      'Mean seconds from the last call (after recalls) to served, to a tenth; null with none served',
    example: 431.5,
  })
  meanServiceSeconds: number | null;

  @ApiProperty({ ...SECONDS, description: 'Median of the same', example: 400 })
  medianServiceSeconds: number | null;

  @ApiProperty({
    ...SECONDS,
    description: '90th percentile of the same (interpolated)',
    example: 780,
  })
  p90ServiceSeconds: number | null;
}

export class AgencyFloorFiguresResponse extends FloorFiguresResponse {
  @ApiProperty({ ...AGENCY_CODE })
  agencyCode: string;
}

export class ServiceFloorFiguresResponse extends AgencyFloorFiguresResponse {
  @ApiProperty({
    type: String,
    maxLength: SERVICE_CODE_MAX_LENGTH,
    pattern: '^[A-Z0-9][A-Z0-9-]{1,63}$',
    example: 'DUKCAPIL-KTP',
  })
  serviceCode: string;
}

export class HourFloorFiguresResponse extends AgencyFloorFiguresResponse {
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 23,
    description: "The hour of the mall's clock the tickets were checked in",
    example: 9,
  })
  hour: number;
}

export class FloorFiguresReportResponse {
  @ApiProperty({ type: String, format: 'date', maxLength: 10, example: '2026-03-02' })
  from: string;

  @ApiProperty({ type: String, format: 'date', maxLength: 10, example: '2026-03-03' })
  to: string;

  @ApiPropertyOptional({ ...AGENCY_CODE, description: 'The agency asked for; absent: the mall' })
  agencyCode?: string;

  @ApiProperty({ type: FloorFiguresResponse, description: 'Every ticket in the scope' })
  total: FloorFiguresResponse;

  @ApiProperty({ type: [AgencyFloorFiguresResponse], maxItems: 1000 })
  agencies: AgencyFloorFiguresResponse[];

  @ApiProperty({ type: [ServiceFloorFiguresResponse], maxItems: 10_000 })
  services: ServiceFloorFiguresResponse[];

  @ApiProperty({ type: [HourFloorFiguresResponse], maxItems: 24_000 })
  hours: HourFloorFiguresResponse[];
}

const copy = (f: FloorFiguresV1): FloorFiguresResponse => ({
  tickets: f.tickets,
  called: f.called,
  served: f.served,
  noShows: f.noShows,
  noShowRate: f.noShowRate,
  meanWaitSeconds: f.meanWaitSeconds,
  medianWaitSeconds: f.medianWaitSeconds,
  p90WaitSeconds: f.p90WaitSeconds,
  meanServiceSeconds: f.meanServiceSeconds,
  medianServiceSeconds: f.medianServiceSeconds,
  p90ServiceSeconds: f.p90ServiceSeconds,
});

/** Field-by-field copies: the public answer and the contract can evolve apart. */
export function toFloorFiguresReportResponse(
  report: FloorFiguresReportV1,
): FloorFiguresReportResponse {
  return {
    from: report.from,
    to: report.to,
    ...(report.agencyCode ? { agencyCode: report.agencyCode } : {}),
    total: copy(report.total),
    agencies: report.agencies.map((row) => ({ agencyCode: row.agencyCode, ...copy(row) })),
    services: report.services.map((row) => ({
      agencyCode: row.agencyCode,
      serviceCode: row.serviceCode,
      ...copy(row),
    })),
    hours: report.hours.map((row) => ({
      agencyCode: row.agencyCode,
      hour: row.hour,
      ...copy(row),
    })),
  };
}

const FIGURES = [
  'tickets',
  'called',
  'served',
  'noShows',
  'noShowRate',
  'meanWaitSeconds',
  'medianWaitSeconds',
  'p90WaitSeconds',
  'meanServiceSeconds',
  'medianServiceSeconds',
  'p90ServiceSeconds',
] as const satisfies ReadonlyArray<keyof FloorFiguresV1>;

/**
 * The report as CSV: a header, then a record for the whole scope (`total`), each agency, each
 * service and each hour, the columns that do not apply to a record left empty.
 */
export function floorFiguresCsv(report: FloorFiguresReportV1): string {
  const record = (
    scope: string,
    keys: { agencyCode?: string; serviceCode?: string; hour?: number },
    figures: FloorFiguresV1,
  ): CsvCell[] => [
    scope,
    keys.agencyCode,
    keys.serviceCode,
    keys.hour,
    ...FIGURES.map((name) => figures[name]),
  ];
  return csvText([
    ['scope', 'agencyCode', 'serviceCode', 'hour', ...FIGURES],
    record('total', { agencyCode: report.agencyCode }, report.total),
    ...report.agencies.map((row) => record('agency', row, row)),
    ...report.services.map((row) => record('service', row, row)),
    ...report.hours.map((row) => record('hour', row, row)),
  ]);
}
