import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  GetFloorFigures,
  GetFloorFiguresV1,
  type FloorFiguresReportV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { checkFiguresRange, figuresReport, requireFiguresReader } from './floor-figures';
import { FloorFiguresRepository } from './floor-figures.repository';

/** Waiting and service times and no-shows on the dashboards (ADR 0037). */
@Controller()
export class FiguresHandlers {
  constructor(private readonly repository: FloorFiguresRepository) {}

  @HandleRequest(GetFloorFigures)
  async figures(
    @Payload() request: GetFloorFiguresV1,
    @Caller() caller: RequestContext,
  ): Promise<FloorFiguresReportV1> {
    requireFiguresReader(caller.principal, request.agencyCode);
    checkFiguresRange(request);
    const rows = await this.repository.figures(request.from, request.to, request.agencyCode);
    return figuresReport(request, rows);
  }
}
