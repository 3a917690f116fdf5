import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { renderSvg, type RequestContext } from '@satupintu/common';
import {
  DrawPerformanceChart,
  ExportPerformance,
  GetPerformance,
  type DrawPerformanceChartV1,
  type GetPerformanceV1,
  type PerformanceV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { dashboardScope } from './dashboard-access';
import { DashboardsRepository } from './dashboards.repository';
import { assemblePerformance } from './performance';
import { performanceChartSpec } from './performance-chart';
import { performanceCsv } from './performance-csv';
import { periodRange } from './periods';

/** The performance dashboards (ADR 0029): the same figures as JSON, CSV or a chart. */
@Controller()
export class DashboardsHandlers {
  constructor(private readonly dashboards: DashboardsRepository) {}

  @HandleRequest(GetPerformance)
  async get(
    @Payload() request: GetPerformanceV1,
    @Caller() caller: RequestContext,
  ): Promise<PerformanceV1> {
    return this.performance(request, caller);
  }

  @HandleRequest(ExportPerformance)
  async export(
    @Payload() request: GetPerformanceV1,
    @Caller() caller: RequestContext,
  ): Promise<{ csv: string }> {
    return { csv: performanceCsv(await this.performance(request, caller)) };
  }

  @HandleRequest(DrawPerformanceChart)
  async chart(
    @Payload() request: DrawPerformanceChartV1,
    @Caller() caller: RequestContext,
  ): Promise<{ svg: string }> {
    const performance = await this.performance(request, caller);
    return { svg: await renderSvg(performanceChartSpec(performance, request.measure)) };
  }

  private async performance(
    request: GetPerformanceV1,
    caller: RequestContext,
  ): Promise<PerformanceV1> {
    const scope = dashboardScope(caller.principal, request);
    const range = periodRange(request.period, request.from, request.to);
    return assemblePerformance(range, scope, await this.dashboards.performance(range, scope));
  }
}
