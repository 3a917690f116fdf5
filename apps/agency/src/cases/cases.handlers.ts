import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  type CaseHistoryCheckV1,
  type CaseV1,
  CheckCaseHistory,
  CheckCaseHistoryV1,
  TransitionCase,
  TransitionCaseV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf } from '@satupintu/persistence';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { DataSource } from 'typeorm';
import { AGENCY_CODE } from './agency-code';
import { CaseOutputs } from './case-outputs';
import { CasesRepository, movePortsOf } from './cases.repository';
import { PaymentDues } from '../payments/payment-dues';
import { checkHistoryFor } from './check-history';
import { transitionCase } from './transition-case';

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
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /** The lock, the record, the case and its event: one transaction, or nothing. */
  @HandleRequest(TransitionCase)
  transition(
    @Payload() request: TransitionCaseV1,
    @Caller() caller: RequestContext,
  ): Promise<CaseV1> {
    return this.unitOfWork.run((tx) =>
      transitionCase(this.agencyCode, caller.principal, request, {
        lockCase: (by) => CasesRepository.lockCase(tx, by),
        ...movePortsOf(tx, this.calendar, this.outputs),
        paymentDue: (locked, amount, at) => this.paymentDues.create(tx, locked, amount, at),
        renewPayment: (locked, at) => this.paymentDues.renew(tx, locked, at),
      }),
    );
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
