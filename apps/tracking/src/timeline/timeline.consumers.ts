import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AGENCY_STREAM,
  ApplicationStatusChanged,
  ApplicationSubmitted,
  BundleStatusChanged,
  INTAKE_STREAM,
} from '@satupintu/contracts';
import { EventConsumers, on, type Transaction } from '@satupintu/messaging';
import { sql, type Executor } from '@satupintu/persistence';
import { WorkingDayCalendarProvider } from '@satupintu/platform';
import type { CaseRules } from '../cases/case-view';
import { CaseViewsRepository } from '../cases/case-views.repository';
import { bundleView } from '../dashboards/bundle-view';
import { DashboardsRepository } from '../dashboards/dashboards.repository';
import { ReadModelRebuild } from '../rebuild/read-model-rebuild';
import { TRACKING_SETTINGS, type TrackingSettings } from '../tracking.settings';
import { TimelineLive } from './timeline-live';
import { ClientWebhookEvents } from '../webhooks/client-webhook-events';
import { TimelineRepository } from './timeline.repository';

/**
 * Every service's status events become entries on the one timeline, and the case's row in the
 * read model follows, in the event's transaction: an entry and the view never disagree. What
 * became visible is announced to the live streams once that transaction commits.
 */
@Injectable()
export class TimelineConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly timeline: TimelineRepository,
    private readonly views: CaseViewsRepository,
    private readonly dashboards: DashboardsRepository,
    private readonly calendar: WorkingDayCalendarProvider,
    private readonly live: TimelineLive,
    private readonly clientWebhooks: ClientWebhookEvents,
    private readonly rebuild: ReadModelRebuild,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
  ) {}

  /**
   * What a projection made visible goes, in the same transaction, to the submitting API client's
   * webhook subscriptions, and, once it commits, to the live streams.
   */
  private async madeVisible(
    tx: Transaction,
    projected: Awaited<ReturnType<CaseViewsRepository['project']>>,
  ): Promise<void> {
    await this.clientWebhooks.enqueueVisible(tx, projected);
    await this.live.announce(tx, projected);
  }

  private rules(): CaseRules {
    return { calendar: this.calendar.calendar(), atRiskShare: this.settings.atRiskShare };
  }

  async onApplicationBootstrap(): Promise<void> {
    // A read model behind the code's fold (or empty beside a history kept from before it) is
    // rebuilt before this replica folds events into it.
    await this.rebuild.bringUpToDate(this.rules());
    await this.consumers.start({
      stream: INTAKE_STREAM,
      handlers: [
        on(ApplicationSubmitted, async (event, tx, meta) => {
          await this.views.lock(tx, event.applicationId);
          await this.timeline.recordOwners(tx, event);
          await this.timeline.append(tx, {
            eventId: meta.eventId,
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            sequence: 0,
            status: 'SUBMITTED',
            agencyCode: event.agencyCode,
            agencyTimeZone: event.agencyTimeZone,
            occurredAt: new Date(event.submittedAt),
          });
          await this.madeVisible(
            tx,
            await this.views.project(tx, event.applicationId, this.rules()),
          );
        }),
        // For the dashboards (ADR 0029). Its steps' submissions came before it on this stream.
        on(BundleStatusChanged, async (event, tx) => {
          const start = await this.dashboards.bundleStart(tx, event.bundleCaseId);
          await this.dashboards.recordBundle(
            tx,
            bundleView(event, start, this.calendar.calendar()),
          );
        }),
      ],
    });
    await this.consumers.start({
      stream: AGENCY_STREAM,
      handlers: [
        on(ApplicationStatusChanged, async (event, tx, meta) => {
          await this.views.lock(tx, event.applicationId);
          await this.timeline.append(tx, {
            eventId: meta.eventId,
            applicationId: event.applicationId,
            trackingNo: event.trackingNo,
            sequence: event.sequence ?? (await this.nextSequence(tx, event.applicationId)),
            status: event.to,
            agencyCode: event.agencyCode,
            agencyTimeZone: event.agencyTimeZone,
            reason: event.reason,
            deadline: event.deadline ? new Date(event.deadline) : null,
            // Only the fields of the contract: the event is validated, not whitelisted.
            ...(event.payment
              ? {
                  payment: {
                    code: event.payment.code,
                    amount: event.payment.amount,
                    currency: event.payment.currency,
                    expiresAt: event.payment.expiresAt,
                  },
                }
              : {}),
            occurredAt: new Date(event.changedAt),
          });
          await this.madeVisible(
            tx,
            await this.views.project(tx, event.applicationId, this.rules()),
          );
        }),
      ],
    });
  }

  /**
   * Events from before agencies numbered them have no sequence: such an event goes after what
   * is held, in arrival order, which is what the timeline did for them before.
   */
  private async nextSequence(tx: Executor, applicationId: string): Promise<number> {
    const [row] = await tx.query<{ next: number }>(sql`
      SELECT coalesce(max(sequence), 0) + 1 AS next FROM timeline_entries
       WHERE application_id = ${applicationId}`);
    return row.next;
  }
}
