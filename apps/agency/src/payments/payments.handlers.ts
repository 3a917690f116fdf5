import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConfirmPaymentCallback,
  ConfirmPaymentCallbackV1,
  type PaymentCallbackOutcomeV1,
  SYSTEM,
} from '@satupintu/contracts';
import { HandleRequest, UnitOfWork } from '@satupintu/messaging';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { AGENCY_CODE } from '../cases/agency-code';
import { CaseOutputs } from '../cases/case-outputs';
import { CasesRepository, movePortsOf } from '../cases/cases.repository';
import { moveCase } from '../cases/transition-case';
import { confirmPaymentCallback } from './confirm-payment';
import { PaymentDues } from './payment-dues';
import { PaymentsRepository } from './payments.repository';

/** Payment callbacks forwarded by the gateway (public there: the signature is the credential). */
@Controller()
export class PaymentsHandlers {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly dues: PaymentDues,
    private readonly outputs: CaseOutputs,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
  ) {}

  /** The record, the fee paid and the case moved: one transaction; a refusal after it commits. */
  @HandleRequest(ConfirmPaymentCallback)
  async callback(@Payload() request: ConfirmPaymentCallbackV1): Promise<PaymentCallbackOutcomeV1> {
    const result = await this.unitOfWork.run((tx) =>
      confirmPaymentCallback(request, {
        secrets: this.dues.settings.callbackSecrets,
        now: () => new Date(),
        lockDue: (code) => PaymentsRepository.lockDue(tx, code),
        markPaid: (code, paid) => PaymentsRepository.markPaid(tx, code, paid),
        record: (record) => PaymentsRepository.recordCallback(tx, record),
        confirm: async (applicationId, reference) => {
          const locked = await CasesRepository.lockCase(tx, { applicationId });
          if (!locked) throw new Error(`a fee is due on case ${applicationId}, which is not here`);
          const moved = await moveCase(
            this.agencyCode,
            locked,
            'CONFIRM_PAYMENT',
            SYSTEM,
            { reason: `Paid, bank reference ${reference}` },
            movePortsOf(tx, this.calendar, this.outputs),
          );
          return moved.ok ? { ok: true } : { ok: false, status: locked.status };
        },
      }),
    );
    if (!result.ok) throw result.error;
    return result.answer;
  }
}
