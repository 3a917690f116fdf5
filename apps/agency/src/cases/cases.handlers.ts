import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  type CaseHistoryCheckV1,
  type CaseV1,
  CheckCaseHistory,
  type FormDataV2,
  CheckCaseHistoryV1,
  GetCaseFile,
  TransitionCase,
  TransitionCaseV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, RpcClient, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf } from '@satupintu/persistence';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { DataSource } from 'typeorm';
import { AGENCY_CODE } from './agency-code';
import { CaseOutputs } from './case-outputs';
import { CasesRepository, movePortsOf } from './cases.repository';
import { PaymentDues } from '../payments/payment-dues';
import { checkHistoryFor } from './check-history';
import { fetchFacts, transitionCase } from './transition-case';

/** Requests about this agency's cases (its code ends their subject). */
@Controller()
export class CasesHandlers {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly outputs: CaseOutputs,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    private readonly paymentDues: PaymentDues,
    private readonly rpc: RpcClient,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * What the agency's rules need from intake first, asked for as the caller (the request carries
   * their principal on: intake decides whether they may read the file), before any lock; then
   * the lock, the record, the case and its event: one transaction, or nothing.
   */
  @HandleRequest(TransitionCase)
  async transition(
    @Payload() request: TransitionCaseV1,
    @Caller() caller: RequestContext,
  ): Promise<CaseV1> {
    const fetched = await fetchFacts(this.agencyCode, caller.principal, request, {
      findCase: (by) => CasesRepository.findCase(this.db, by),
      terms: (serviceCode) => CasesRepository.terms(this.db, serviceCode),
      caseForm: (trackingNo) => this.caseForm(trackingNo),
    });
    return this.unitOfWork.run((tx) =>
      transitionCase(
        this.agencyCode,
        caller.principal,
        request,
        {
          lockCase: (by) => CasesRepository.lockCase(tx, by),
          ...movePortsOf(tx, this.calendar, this.outputs),
          paymentDue: (locked, amount, at) => this.paymentDues.create(tx, locked, amount, at),
          renewPayment: (locked, at) => this.paymentDues.renew(tx, locked, at),
        },
        fetched,
      ),
    );
  }

  /** Intake's answer for an application it does not know is a 404: here, no form. */
  private async caseForm(trackingNo: string): Promise<FormDataV2 | undefined> {
    try {
      const file = await this.rpc.request(GetCaseFile, { trackingNo, agencyCode: this.agencyCode });
      return file.form;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'application_not_found') return undefined;
      throw error;
    }
  }

  @HandleRequest(CheckCaseHistory)
  checkHistory(
    @Payload() _request: CheckCaseHistoryV1,
    @Caller() caller: RequestContext,
  ): Promise<CaseHistoryCheckV1> {
    return checkHistoryFor(this.agencyCode, caller.principal, {
      cases: (after, limit) => CasesRepository.casesToCheck(this.db, after, limit),
      now: () => new Date(),
    });
  }
}
