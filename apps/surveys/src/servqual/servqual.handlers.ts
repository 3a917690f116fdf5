import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ExportServqualResults,
  GetServqualResults,
  GetServqualResultsV1,
  GetTimeline,
  SubmitServqualResponse,
  SubmitServqualResponseV1,
  type ServqualResponseReceiptV1,
  type ServqualResultsV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys, RpcClient } from '@satupintu/messaging';
import { periodOf } from '../follow-up/follow-up-plan';
import { servqualCsv } from './servqual-csv';
import {
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
    private readonly rpc: RpcClient,
  ) {}

  @HandleRequest(SubmitServqualResponse)
  async submit(
    @Payload() input: SubmitServqualResponseV1,
    @Caller() caller: RequestContext,
  ): Promise<ServqualResponseReceiptV1> {
    const today = new Date(Date.now() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
    const source = servqualSourceOf(caller.principal, input, today);
    checkServqualAnswers(input.answers);
    return this.idempotency.run(caller, SubmitServqualResponse.subject, input, async (claim) => {
      const response = await this.responseOf(source, input);
      return this.idempotency.completeInTransaction(claim, (tx) =>
        this.responses.add(tx, response),
      );
    });
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
   * A kiosk's response is as it says. An applicant's case is asked of tracking as the applicant
   * (`tracking.timeline.get.v1`: another's case or an unknown one is a 404 there): it must be
   * finished, ISSUED or REJECTED; its service and the day it finished (in its agency's zone)
   * are the response's.
   */
  private async responseOf(
    source: ServqualSource,
    input: SubmitServqualResponseV1,
  ): Promise<NewServqualResponse> {
    if (source.kind === 'KIOSK')
      return {
        serviceCode: source.serviceCode,
        day: source.day,
        source: 'KIOSK',
        clientId: source.clientId,
        answers: input.answers,
      };
    const timeline = await this.rpc.request(GetTimeline, { trackingNo: source.trackingNo });
    const finished = timeline.entries[timeline.entries.length - 1];
    if (
      (timeline.status !== 'ISSUED' && timeline.status !== 'REJECTED') ||
      !timeline.serviceCode ||
      !finished
    )
      throw new DomainError('servqual_case_not_finished', 409, [], {
        trackingNo: source.trackingNo,
        status: timeline.status,
      });
    return {
      serviceCode: timeline.serviceCode,
      // ISO 8601 in the agency's own offset: its date is the agency's day.
      day: finished.at.slice(0, 10),
      source: 'APPLICANT',
      trackingNo: source.trackingNo,
      answers: input.answers,
    };
  }
}
