import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { CaseDeadlineAlert, DEADLINE_ALERT_KINDS } from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { failpoint } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { DeadlineAlertsRepository } from './deadline-alerts.repository';

/** Raises the at-risk and overdue alerts that are due (ADR 0027). */
export const SweepDeadlines = defineJob<Record<string, never>>({
  kind: 'deadlines.sweep',
  maxAttempts: 10,
  backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
});

/**
 * Alerts of each kind raised per batch, and batches per run (one transaction): a backlog (a
 * million seeded cases due, in the bench) is worked off in short transactions, a run every
 * `deadlineSweepMs`, rather than in one that holds its locks and outbox rows for minutes.
 */
const BATCH = 500;
const BATCHES_PER_RUN = 2;

/**
 * Every `deadlineSweepMs`, on one tracking replica at a time (a recurring job), finds the running
 * cases whose at-risk instant or deadline has passed and raises each alert once: its row and its
 * event commit together, and the row's key refuses a second. A restart loses nothing (the job
 * and the rows are in the database) and repeats nothing (what committed is not due again).
 */
@Injectable()
export class DeadlineSweeper implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.runner.register(SweepDeadlines, async (_payload, tx) => {
      const raised = { AT_RISK: 0, OVERDUE: 0 };
      for (const kind of DEADLINE_ALERT_KINDS) {
        // A backlog larger than a run's batches is taken by the next runs.
        for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
          const alerts = await DeadlineAlertsRepository.raiseDue(tx, kind, BATCH);
          for (const alert of alerts) {
            tx.publish(CaseDeadlineAlert, {
              kind: alert.kind,
              applicationId: alert.applicationId,
              trackingNo: alert.trackingNo,
              agencyCode: alert.agencyCode,
              deadline: toZonedIso(alert.deadline, alert.timeZone),
              raisedAt: toZonedIso(alert.raisedAt, alert.timeZone),
            });
          }
          raised[kind] += alerts.length;
          if (alerts.length < BATCH) break;
        }
      }
      if (raised.AT_RISK + raised.OVERDUE === 0) return;
      failpoint('deadline-alerts-before-commit');
      this.logger.info(raised, 'deadline alerts raised');
    });
    this.runner.every(SweepDeadlines, this.settings.deadlineSweepMs, {});
  }
}
