import { Injectable, type OnModuleInit } from '@nestjs/common';
import { asThisService } from '@satupintu/common';
import { SendComplaintUpdate, type ComplaintUpdateStep } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { RpcClient, type Transaction } from '@satupintu/messaging';
import { JobQueue, JobRunner, defineJob } from '@satupintu/scheduling';
import type { ComplaintRecord } from './complaint-record';
import { ComplaintsRepository } from './complaints.repository';

/**
 * Tells a complaint's reporter of one step through identity's notifier. Retried for about a day
 * (the wait grows to ten minutes), like identity's own case updates: identity or its gateway
 * may be away that long.
 */
export const NotifyReporter = defineJob<{ complaintId: string; position: number }>({
  kind: 'complaints.notify-reporter',
  maxAttempts: 150,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/**
 * The reporter is told of what others did: routed, answered, closed (ADR 0034). A signed-in
 * reporter through identity's record of them (contacts, language); an anonymous one at the
 * contact they gave, if any. The job is queued in the step's own transaction, so a step that
 * rolls back tells nobody, and its message id (complaint and step) is the same on every attempt.
 */
@Injectable()
export class ReporterNotices implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobQueue,
    private readonly rpc: RpcClient,
  ) {}

  onModuleInit(): void {
    this.runner.register(NotifyReporter, ({ complaintId, position }, tx) =>
      this.send(tx, complaintId, position),
    );
  }

  /** Queues the notice of the step at `position`, when there is anyone to tell. */
  async tell(tx: Transaction, record: ComplaintRecord, position: number): Promise<void> {
    if (!record.reporterId && !record.contactEmail && !record.contactPhone) return;
    await this.jobs.enqueue(
      tx,
      NotifyReporter,
      { complaintId: record.id, position },
      { key: `${record.id}:${position}` },
    );
  }

  private async send(tx: Transaction, complaintId: string, position: number): Promise<void> {
    const found = await ComplaintsRepository.stepAt(tx, complaintId, position);
    if (!found) return;
    const { record, step } = found;
    await asThisService(() =>
      this.rpc.request(SendComplaintUpdate, {
        messageId: `${complaintId}:${position}`,
        complaintNo: record.complaintNo,
        step: step.step as ComplaintUpdateStep,
        at: toZonedIso(step.at, record.timeZone),
        ...(record.reporterId ? { applicantId: record.reporterId } : {}),
        ...(record.contactEmail ? { email: record.contactEmail } : {}),
        ...(record.contactPhone ? { phone: record.contactPhone } : {}),
      }),
    );
  }
}
