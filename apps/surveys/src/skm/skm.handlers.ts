import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, renderSvg, type RequestContext } from '@satupintu/common';
import {
  ExportSkmReport,
  GetSkmIndex,
  GetSkmReport,
  GetSkmTrend,
  ListSkmSuggestions,
  MAX_SKM_TREND_PERIODS,
  RenderSkmReport,
  SubmitKioskSkmResponse,
  SubmitSkmResponse,
  type GetSkmIndexV1,
  type GetSkmReportV1,
  type GetSkmTrendV1,
  type ListSkmSuggestionsV1,
  type SkmIndexV1,
  type SkmReportV1,
  type SkmResponseReceiptV1,
  type SkmSuggestionsPageV1,
  type SkmTrendV1,
  type SubmitKioskSkmResponseV1,
  type SubmitSkmResponseV1,
} from '@satupintu/contracts';
import {
  parseLocalDate,
  skmPeriodOf,
  skmPeriodsBetween,
  skmWeight,
  type SatisfactionScope,
  type SkmPeriod,
  type SkmPeriodKind,
  type SkmWeightRule,
} from '@satupintu/domain';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { ServedCasesRepository } from '../served-cases/served-cases.repository';
import { SURVEYS_SETTINGS, type SurveysSettings } from '../surveys.settings';
import { FOLLOW_UP_PLAN_SOURCE, type FollowUpPlanSource } from '../follow-up/follow-up-plan.source';
import { assembleIndex, skmReadScope } from './skm-index';
import { SkmIndexRepository, type SkmScope } from './skm-index.repository';
import { elementChartSpec, trendChartSpec } from './skm-report-charts';
import { skmReportCsv } from './skm-report-csv';
import { skmReportHtml } from './skm-report-html';
import { answeredElements, caseResponse, kioskResponse, type NewSkmResponse } from './skm-response';
import { SkmResponsesRepository } from './skm-responses.repository';

const DEFAULT_TREND_PERIODS = 4;

function periodAt(kind: SkmPeriodKind, at: string, field = 'at'): SkmPeriod {
  if (!parseLocalDate(at)) throw DomainError.validation([{ field, code: 'must_be_date' }]);
  return skmPeriodOf(kind, at);
}

function scopeOf(request: SkmScope): SkmScope {
  return {
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    ...(request.serviceCode ? { serviceCode: request.serviceCode } : {}),
  };
}

/** SKM (ADR 0032): responses by applicants and kiosks, the index, its trend, the report. */
@Controller()
export class SkmHandlers {
  constructor(
    private readonly served: ServedCasesRepository,
    private readonly index: SkmIndexRepository,
    private readonly idempotency: IdempotencyKeys,
    @Inject(SURVEYS_SETTINGS) private readonly settings: SurveysSettings,
    @Inject(FOLLOW_UP_PLAN_SOURCE) private readonly followUp: FollowUpPlanSource,
  ) {}

  @HandleRequest(SubmitSkmResponse)
  async submit(
    @Payload() request: SubmitSkmResponseV1,
    @Caller() caller: RequestContext,
  ): Promise<SkmResponseReceiptV1> {
    if (caller.principal.kind !== 'applicant')
      throw new DomainError('forbidden', 403, [], { resource: 'SKM responses of applications' });
    const found = await this.served.byTrackingNo(request.trackingNo);
    return this.idempotency.runInTransaction(caller, SubmitSkmResponse.subject, request, (tx) => {
      const response = caseResponse(
        randomUUID(),
        caller.principal,
        request,
        found,
        new Date(),
        this.settings.timeZone,
      );
      return this.store(tx, response, request.trackingNo);
    });
  }

  @HandleRequest(SubmitKioskSkmResponse)
  async submitAtKiosk(
    @Payload() request: SubmitKioskSkmResponseV1,
    @Caller() caller: RequestContext,
  ): Promise<SkmResponseReceiptV1> {
    const response = kioskResponse(
      randomUUID(),
      caller.principal,
      request,
      new Date(),
      this.settings.timeZone,
    );
    return this.idempotency.runInTransaction(
      caller,
      SubmitKioskSkmResponse.subject,
      request,
      (tx) => this.store(tx, response),
    );
  }

  private async store(
    tx: Parameters<typeof SkmResponsesRepository.add>[0],
    response: NewSkmResponse,
    trackingNo?: string,
  ): Promise<SkmResponseReceiptV1> {
    const receivedAt = await SkmResponsesRepository.add(tx, response, trackingNo);
    return {
      responseId: response.id,
      source: response.source,
      agencyCode: response.agencyCode,
      serviceCode: response.serviceCode,
      day: response.day,
      answered: answeredElements(response.answers),
      receivedAt: receivedAt.toISOString(),
    };
  }

  @HandleRequest(GetSkmIndex)
  async get(
    @Payload() request: GetSkmIndexV1,
    @Caller() caller: RequestContext,
  ): Promise<SkmIndexV1> {
    const scope = skmReadScope(caller.principal, request);
    const [index] = await this.indexes([periodAt(request.period, request.at)], scope, request);
    return index;
  }

  @HandleRequest(GetSkmTrend)
  async trend(
    @Payload() request: GetSkmTrendV1,
    @Caller() caller: RequestContext,
  ): Promise<SkmTrendV1> {
    const scope = skmReadScope(caller.principal, request);
    const errors = [
      ...(parseLocalDate(request.from) ? [] : [{ field: 'from', code: 'must_be_date' }]),
      ...(parseLocalDate(request.to) ? [] : [{ field: 'to', code: 'must_be_date' }]),
    ];
    if (errors.length) throw DomainError.validation(errors);
    if (request.to < request.from)
      throw DomainError.validation([{ field: 'to', code: 'period_order' }]);
    const periods = skmPeriodsBetween(request.period, request.from, request.to);
    if (periods.length > MAX_SKM_TREND_PERIODS)
      throw DomainError.validation([
        { field: 'to', code: 'too_many_periods', params: { max: MAX_SKM_TREND_PERIODS } },
      ]);
    const rule = this.weightRule(request.weightRule);
    return {
      ...scope,
      timeZone: this.settings.timeZone,
      weightRule: rule,
      periods: await this.indexes(periods, scope, request),
    };
  }

  @HandleRequest(ListSkmSuggestions)
  async suggestions(
    @Payload() request: ListSkmSuggestionsV1,
    @Caller() caller: RequestContext,
  ): Promise<SkmSuggestionsPageV1> {
    const scope = skmReadScope(caller.principal, request);
    const period = periodAt(request.period, request.at);
    const after = request.cursor
      ? decodeCursor<[string, string]>(request.cursor, ['string', 'string'])
      : undefined;
    if (request.cursor && !after) throw new DomainError('invalid_cursor', 400);
    const items = await this.index.suggestions(period, scope, request.limit + 1, after);
    const page = items.slice(0, request.limit);
    const last = page.at(-1);
    return {
      items: page,
      ...(items.length > request.limit && last
        ? { nextCursor: encodeCursor([last.day, last.responseId]) }
        : {}),
    };
  }

  @HandleRequest(GetSkmReport)
  report(@Payload() request: GetSkmReportV1): Promise<SkmReportV1> {
    return this.assembleReport(request);
  }

  @HandleRequest(ExportSkmReport)
  async export(@Payload() request: GetSkmReportV1): Promise<{ csv: string }> {
    return { csv: skmReportCsv(await this.assembleReport(request)) };
  }

  @HandleRequest(RenderSkmReport)
  async render(@Payload() request: GetSkmReportV1): Promise<{ html: string }> {
    const report = await this.assembleReport(request);
    const [trendSvg, elementsSvg] = await Promise.all([
      renderSvg(trendChartSpec(report.trend, report.language)),
      renderSvg(elementChartSpec(report.index, report.language)),
    ]);
    return { html: skmReportHtml(report, { trendSvg, elementsSvg }) };
  }

  /**
   * The published report: public (its figures are aggregates and name no one; suggestions are
   * counted, their text stays with the staff's list). The trend ends with the period asked.
   */
  private async assembleReport(request: GetSkmReportV1): Promise<SkmReportV1> {
    const scope = scopeOf(request);
    const period = periodAt(request.period, request.at);
    const count = request.trendPeriods ?? DEFAULT_TREND_PERIODS;
    const periods = [period];
    while (periods.length < count)
      periods.unshift(skmPeriodOf(period.kind, previousDay(periods[0].start)));
    const [trend, followUpPlan] = await Promise.all([
      this.indexes(periods, scope, request),
      // Found by the label the report prints for the period: the one a plan is recorded under.
      this.followUp.planFor(satisfactionScopeOf(scope), period),
    ]);
    return {
      language: request.language ?? 'id',
      index: trend[trend.length - 1],
      trend,
      followUpPlan,
      generatedAt: new Date().toISOString(),
    };
  }

  private weightRule(asked: SkmWeightRule | undefined): SkmWeightRule {
    return asked ?? this.settings.weightRule;
  }

  private async indexes(
    periods: SkmPeriod[],
    scope: SkmScope,
    request: { weightRule?: SkmWeightRule },
  ): Promise<SkmIndexV1[]> {
    const rule = this.weightRule(request.weightRule);
    const rows = await this.index.periods(periods, scope, skmWeight(rule), this.settings.timeZone);
    return periods.map((period, i) =>
      assembleIndex(period, rows[i], scope, rule, this.settings.timeZone),
    );
  }
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The report's scope as the follow-up plans name theirs: a service's before its agency's. */
function satisfactionScopeOf(scope: SkmScope): SatisfactionScope {
  if (scope.serviceCode) return { kind: 'SERVICE', serviceCode: scope.serviceCode };
  if (scope.agencyCode) return { kind: 'AGENCY', agencyCode: scope.agencyCode };
  return { kind: 'MALL' };
}
