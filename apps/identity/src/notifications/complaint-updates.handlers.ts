import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  SendComplaintUpdate,
  SendComplaintUpdateV1,
  type ComplaintUpdateSentV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { updateContact } from './case-update';
import { complaintUpdateText } from './complaint-update';
import { NOTIFIER, type Notifier } from './notifier';
import { ReporterContacts } from './reporter-contacts.repository';

/**
 * Tells a complaint's reporter of a step through the notifier that tells applicants of their
 * cases (ADR 0034). Answered to the surveys service only; it retries (a durable job) until this
 * answers, with the same message id.
 */
@Controller()
export class ComplaintUpdatesHandlers {
  constructor(
    private readonly reporters: ReporterContacts,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  @HandleRequest(SendComplaintUpdate)
  async send(
    @Payload() request: SendComplaintUpdateV1,
    @Caller() caller: RequestContext,
  ): Promise<ComplaintUpdateSentV1> {
    if (caller.principal.kind !== 'system') throw new DomainError('forbidden', 403);
    const reporter = request.applicantId ? await this.reporters.of(request.applicantId) : undefined;
    const language = reporter?.language ?? 'id';
    const contact = updateContact(
      reporter?.contacts ?? {
        ...(request.phone ? { phone: request.phone } : {}),
        ...(request.email ? { email: request.email } : {}),
      },
    );
    if (!contact) return { sent: false };
    await this.notifier.sendComplaintUpdate({
      messageId: request.messageId,
      ...contact,
      language,
      step: request.step,
      complaintNo: request.complaintNo,
      ...complaintUpdateText(request.step, request.complaintNo, language),
    });
    return { sent: true, channel: contact.channel };
  }
}
