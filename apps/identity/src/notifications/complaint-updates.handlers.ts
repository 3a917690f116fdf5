import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  SendComplaintUpdate,
  SendComplaintUpdateV1,
  type ApplicantLanguage,
  type ComplaintUpdateSentV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest } from '@satupintu/messaging';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { complaintUpdateText } from './complaint-update';
import { type Contacts, updateContact } from './case-update';
import { NOTIFIER, type Notifier } from './notifier';

/** An applicant's current contacts and language. */
@Injectable()
export class ReporterContacts {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async of(
    applicantId: string,
  ): Promise<{ contacts: Contacts; language: ApplicantLanguage } | undefined> {
    const [row] = await this.db.query<{
      phone: string | null;
      email: string | null;
      phoneVerifiedAt: Date | null;
      emailVerifiedAt: Date | null;
      language: ApplicantLanguage;
    }>(sql`
      SELECT phone, email, phone_verified_at AS "phoneVerifiedAt",
             email_verified_at AS "emailVerifiedAt", preferred_language AS language
        FROM applicants WHERE id = ${applicantId}`);
    if (!row) return undefined;
    return {
      language: row.language,
      contacts: {
        ...(row.phone ? { phone: row.phone } : {}),
        ...(row.email ? { email: row.email } : {}),
        ...(row.phoneVerifiedAt ? { phoneVerifiedAt: row.phoneVerifiedAt } : {}),
        ...(row.emailVerifiedAt ? { emailVerifiedAt: row.emailVerifiedAt } : {}),
      },
    };
  }
}

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

@Module({ controllers: [ComplaintUpdatesHandlers], providers: [ReporterContacts] })
export class ComplaintUpdatesModule {}
