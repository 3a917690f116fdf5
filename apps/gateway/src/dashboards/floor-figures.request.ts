import { ApiProperty } from '@nestjs/swagger';
import type { GetFloorFiguresV1 } from '@satupintu/contracts';
import { FIGURES_DAY, FiguresPeriodRequest, figuresPeriodOf } from './figures-period.request';

export class FloorFiguresRequest extends FiguresPeriodRequest {
  // Only its description: the check is the period's own.
  @ApiProperty({
    ...FIGURES_DAY,
    description: "The first day (tickets of the mall's days from it)",
    example: '2026-03-02',
  })
  declare from: string;
}

export function toGetFloorFiguresV1(query: FloorFiguresRequest): GetFloorFiguresV1 {
  return figuresPeriodOf(query);
}
