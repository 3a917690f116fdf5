import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@satupintu/common';
import { timelineLiveSubject, type TimelineLiveV1 } from '@satupintu/contracts';
import { NatsClients, namespacedSubject, type Transaction } from '@satupintu/messaging';
import type { CaseView } from '../cases/case-view';
import { toTimelineEntry } from './timeline';
import { TimelineRepository } from './timeline.repository';

/**
 * Tells the gateways' live streams (GET /v1/applications/{trackingNo}/events) of entries that
 * became visible, on the case's core NATS subject. Only after the transaction commits: before,
 * a stream that finds a gap and asks for it could not yet read what it was told of. A lost
 * announcement costs nothing but latency: a stream asks tracking for what it has not seen when it
 * opens and whenever a later announcement skips a sequence (ADR 0024).
 */
@Injectable()
export class TimelineLive {
  constructor(
    private readonly nats: NatsClients,
    private readonly timeline: TimelineRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Within the event's transaction, with what `CaseViewsRepository.project` returned. */
  async announce(
    tx: Transaction,
    change: { before: CaseView | undefined; after: CaseView } | undefined,
  ): Promise<void> {
    if (!change) return;
    const { before, after } = change;
    const seen = before?.sequence ?? -1;
    if (after.sequence <= seen) return;
    const entries = await this.timeline.entriesBetween(
      tx,
      after.applicationId,
      seen,
      after.sequence,
    );
    if (entries.length === 0) return;
    const message: TimelineLiveV1 = {
      trackingNo: after.trackingNo,
      entries: entries.map(toTimelineEntry),
    };
    const subject = namespacedSubject(this.nats.namespace, timelineLiveSubject(after.trackingNo));
    tx.afterCommit(() => {
      try {
        this.nats.connection.publish(subject, JSON.stringify(message));
      } catch (err) {
        // A closed connection: the streams find the gap by the next entry's sequence.
        this.logger.warn({ err, trackingNo: after.trackingNo }, 'live timeline not announced');
      }
    });
  }
}
