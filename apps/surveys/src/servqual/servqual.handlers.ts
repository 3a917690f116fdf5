import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type RequestContext } from '@satupintu/common';
import {
  ExportServqualResults,
  GetServqualResults,
  GetServqualResultsV1,
  SubmitServqualResponse,
  SubmitServqualResponseV1,
  type Principal,
  type ServqualResponseReceiptV1,
  type ServqualResultsV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { periodOf } from '../follow-up/follow-up-plan';
import { ServedCasesRepository, type ServedCase } from '../served-cases/served-cases.repository';
import { SURVEYS_SETTINGS, type SurveysSettings } from '../surveys.settings';
import { servqualCsv } from './servqual-csv';
import {
  applicantServqualResponse,
  checkServqualAnswers,
  requireResultsReader,
  servqualResults,
  servqualSourceOf,
  type ServqualSource,
} from './servqual-response';
import { ServqualRepository, type NewServqualResponse } from './servqual.repository';

/** The easternmost zone of the country (WIT, UTC+9): a kiosk's today is never ahead of it. */
const LATEST_OFFSET_MS = 9 * 3_600_000;

/** SERVQUAL (ADR 0033): responses from applicants and kiosks, and the gaps per service. */
@Controller()
export class ServqualHandlers {
  constructor(
    private readonly responses: ServqualRepository,
    private readonly idempotency: IdempotencyKeys,
    private readonly served: ServedCasesRepository,
    @Inject(SURVEYS_SETTINGS) private readonly settings: SurveysSettings,
  ) {}

  @HandleRequest(SubmitServqualResponse)
  async submit(
    @Payload() input: SubmitServqualResponseV1,
    @Caller() caller: RequestContext,
  ): Promise<ServqualResponseReceiptV1> {
    const today = new Date(Date.now() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
    const source = servqualSourceOf(caller.principal, input, today);
    checkServqualAnswers(input.answers);
    const found =
      source.kind === 'APPLICANT' ? await this.served.byTrackingNo(source.trackingNo) : undefined;
    return this.idempotency.runInTransaction(caller, SubmitServqualResponse.subject, input, (tx) =>
      this.responses.add(tx, this.responseOf(caller.principal, source, input, found)),
    );
  }

  @HandleRequest(GetServqualResults)
  async results(
    @Payload() request: GetServqualResultsV1,
    @Caller() caller: RequestContext,
  ): Promise<ServqualResultsV1> {
    requireResultsReader(caller.principal, request.serviceCode);
    const period = periodOf(request.period);
    return servqualResults(
      request.serviceCode,
      period,
      await this.responses.aggregate(request.serviceCode, period),
    );
  }

  @HandleRequest(ExportServqualResults)
  async export(
    @Payload() request: GetServqualResultsV1,
    @Caller() caller: RequestContext,
  ): Promise<{ csv: string }> {
    return { csv: servqualCsv(await this.results(request, caller)) };
  }

  /**
   * A kiosk's response is as it says. An applicant's case is checked in surveys' own
   * `served_cases`, as SKM checks one (`applicantServqualResponse`).
   */
  private responseOf(
    principal: Principal,
    source: ServqualSource,
    input: SubmitServqualResponseV1,
    found: ServedCase | undefined,
  ): NewServqualResponse {
    if (source.kind === 'KIOSK')
      return {
        serviceCode: source.serviceCode,
        day: source.day,
        source: 'KIOSK',
        clientId: source.clientId,
        answers: input.answers,
      };
    return applicantServqualResponse(
      principal,
      source.trackingNo,
      found,
      this.settings.timeZone,
      input.answers,
    );
  }
}
