import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  ApplicationSubmitted,
  CaseDeadlineAlert,
  INTAKE_STREAM,
  TRACKING_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, failpoint, on, type Transaction } from '@satupintu/messaging';
import { JobQueue, JobRunner, defineJob } from '@satupintu/scheduling';
import { CaseNotificationsRepository } from './case-notifications.repository';
import {
  type CaseUpdate,
  caseUpdateText,
  deadlineAlertUpdate,
  statusChangeUpdate,
  updateContact,
  worthTelling,
} from './case-update';
import { NOTIFIER, type Notifier } from './notifier';

/**
 * Sends one recorded notification. Retried for about a day (the wait grows to ten minutes): an
 * SMS or e-mail gateway may be away that long, and a dead job is an applicant not told.
 */
export const SendCaseNotification = defineJob<{ notificationId: string }>({
  kind: 'notifications.case-update',
  maxAttempts: 150,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/**
 * Tells applicants of the changes in their cases that need them. The agency's status events and
 * tracking's deadline alerts do not name the applicant: identity learns whose case each is from
 * intake's submissions. A change is recorded in `case_notifications` in its event's transaction
 * (the inbox makes that once per event, the change key once per change), and a job sends it
 * after that commits: the notifier is never called for a change that could still roll back, and
 * a crash before the send is recorded runs the job again, with the same message id.
 */
@Injectable()
export class CaseNotifications implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly notifications: CaseNotificationsRepository,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.runner.register(SendCaseNotification, ({ notificationId }, tx) =>
      this.send(notificationId, tx),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start({
      stream: INTAKE_STREAM,
      handlers: [
        on(ApplicationSubmitted, async (event, tx) => {
          if (!event.applicantId) return;
          await this.notifications.lock(tx, event.applicationId);
          const news = await this.notifications.recordCase(tx, {
            applicationId: event.applicationId,
            applicantId: event.applicantId,
            trackingNo: event.trackingNo,
            agencyCode: event.agencyCode,
            agencyTimeZone: event.agencyTimeZone,
          });
          if (!news) return;
          for (const id of await this.notifications.unsentOf(tx, event.applicationId))
            await this.enqueue(tx, id);
        }),
      ],
    });
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ApplicationStatusChanged, (event, tx, meta) =>
          this.record(tx, statusChangeUpdate(event, meta.eventId)),
        ),
      ],
    });
    await this.consumers.start({
      stream: TRACKING_STREAM,
      handlers: [on(CaseDeadlineAlert, (event, tx) => this.record(tx, deadlineAlertUpdate(event)))],
    });
  }

  private async record(tx: Transaction, update: CaseUpdate | undefined): Promise<void> {
    if (!update || !worthTelling(update, new Date())) return;
    await this.notifications.lock(tx, update.applicationId);
    const id = await this.notifications.record(tx, update);
    // Before the submission arrives, the applicant is unknown: the submission queues it.
    if (id && (await this.notifications.caseKnown(tx, update.applicationId)))
      await this.enqueue(tx, id);
  }

  private enqueue(tx: Transaction, notificationId: string) {
    return this.queue.enqueue(
      tx,
      SendCaseNotification,
      { notificationId },
      { key: notificationId },
    );
  }

  /**
   * In the job's transaction, which holds the notification's row lock: sent once the notifier
   * took it, and recorded as sent in the same commit that ends the job.
   */
  private async send(notificationId: string, tx: Transaction): Promise<void> {
    const pending = await this.notifications.claimUnsent(tx, notificationId);
    if (!pending) return;
    const contact = updateContact(pending.contacts);
    if (!contact) throw new Error(`applicant ${pending.applicantId} has no contact`);
    const { subject, text } = caseUpdateText(pending, pending.language);
    failpoint('case-notification-before-send');
    await this.notifier.sendCaseUpdate({
      messageId: pending.id,
      ...contact,
      language: pending.language,
      kind: pending.kind,
      trackingNo: pending.trackingNo,
      subject,
      text,
    });
    await this.notifications.markSent(tx, {
      id: pending.id,
      applicantId: pending.applicantId,
      language: pending.language,
      channel: contact.channel,
    });
  }
}
