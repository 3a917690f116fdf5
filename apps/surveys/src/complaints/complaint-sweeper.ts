import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { ComplaintEscalated } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { failpoint, type Transaction } from '@satupintu/messaging';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { calendarStamp, deadlinesOf, stateOf } from './complaint-record';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { COMPLAINTS_SETTINGS, type ComplaintsSettings } from './complaints.settings';
import { ReporterNotices } from './reporter-notices';

/** Escalates missed deadlines and closes answered complaints (ADR 0034). */
export const SweepComplaints = defineJob<Record<string, never>>({
  kind: 'complaints.sweep',
  maxAttempts: 10,
  backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
});

/** Complaints taken per step of a run (one transaction): a backlog is worked off run by run. */
const BATCH = 500;

/**
 * Every `sweepMs`, on one surveys replica at a time (a recurring job), in one transaction:
 * 1. the open complaints whose deadlines were counted on an older calendar (an amended decree)
 *    are counted again on the current one;
 * 2. each missed routing or answering deadline is escalated to mall management once: its
 *    `complaint_escalations` row (the key refuses a second), an ESCALATED step and a
 *    `ComplaintEscalated` event commit together;
 * 3. each answer left undisputed for its ten working days closes its complaint.
 * A restart loses nothing (the job and the rows are in the database) and repeats nothing.
 */
@Injectable()
export class ComplaintSweeper implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly complaints: ComplaintsService,
    private readonly notices: ReporterNotices,
    @Inject(COMPLAINTS_SETTINGS) private readonly settings: ComplaintsSettings,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(SweepComplaints, (_payload, tx) => this.sweep(tx));
    this.runner.every(SweepComplaints, this.settings.sweepMs, {});
  }

  async sweep(tx: Transaction): Promise<void> {
    // A change another replica applied is seen here before anything is counted.
    await this.calendar.refresh();
    const recounted = await this.recount(tx);
    const escalated = await this.escalate(tx);
    const closed = await this.close(tx);
    if (recounted + escalated + closed === 0) return;
    failpoint('complaint-sweep-before-commit');
    this.logger.info({ recounted, escalated, closed }, 'complaints swept');
  }

  private async recount(tx: Transaction): Promise<number> {
    const stamp = calendarStamp(this.calendar.versions());
    const stale = await ComplaintsRepository.countedOnAnotherCalendar(tx, stamp, BATCH);
    for (const record of stale) {
      const deadlines = deadlinesOf(stateOf(record), this.calendar.calendar(), record);
      await ComplaintsRepository.update(tx, { ...record, ...deadlines, calendarVersions: stamp });
    }
    return stale.length;
  }

  private async escalate(tx: Transaction): Promise<number> {
    let escalated = 0;
    for (const record of await ComplaintsRepository.duePassed(tx, 'ESCALATE', BATCH)) {
      const stage = record.dueWhat === 'ROUTE' ? 'ROUTE' : 'ANSWER';
      const raised = await ComplaintsRepository.escalate(tx, record, stage, record.dueAt!);
      if (!raised) continue;
      await ComplaintsRepository.addStep(tx, record.id, {
        step: 'ESCALATED',
        at: raised.escalatedAt,
        stage,
        actorKind: 'system',
      });
      tx.publish(ComplaintEscalated, {
        complaintId: raised.complaintId,
        complaintNo: raised.complaintNo,
        agencyCode: raised.agencyCode,
        stage,
        deadline: toZonedIso(raised.deadline, raised.timeZone),
        escalatedAt: toZonedIso(raised.escalatedAt, raised.timeZone),
      });
      escalated += 1;
    }
    return escalated;
  }

  private async close(tx: Transaction): Promise<number> {
    const due = await ComplaintsRepository.duePassed(tx, 'CLOSE', BATCH);
    const now = new Date();
    for (const record of due) {
      const closed = this.complaints.applied(record, 'CLOSE', now);
      await ComplaintsRepository.update(tx, closed);
      const position = await ComplaintsRepository.addStep(tx, record.id, {
        step: 'CLOSED',
        at: now,
        actorKind: 'system',
      });
      await this.notices.tell(tx, closed, position);
    }
    return due.length;
  }
}
