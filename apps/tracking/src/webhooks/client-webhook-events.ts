import { Injectable } from '@nestjs/common';
import {
  CLIENT_WEBHOOK_EVENT_TYPES,
  type ClientApplicationStatusChangedV1,
  type PaymentDueV1,
  type Status,
} from '@satupintu/contracts';
import type { Transaction } from '@satupintu/messaging';
import { sql } from '@satupintu/persistence';
import { Webhooks } from '@satupintu/webhooks';
import type { CaseView } from '../cases/case-view';
import { toTimelineEntry } from '../timeline/timeline';

export const CLIENT_STATUS_CHANGED = CLIENT_WEBHOOK_EVENT_TYPES[0];

interface EntryRow {
  eventId: string;
  sequence: number;
  status: Status;
  agencyCode: string;
  agencyTimeZone: string;
  occurredAt: Date;
  reason: string | null;
  payment: PaymentDueV1 | null;
}

/**
 * Tells the API client that submitted an application of each entry its timeline shows for the
 * first time: in the transaction that folded them into the case's view, so a delivery exists
 * exactly when the entry became visible, in the timeline's order (an entry waiting for a missing
 * predecessor is told with it, after it). The webhook id is the entry's event's id.
 */
@Injectable()
export class ClientWebhookEvents {
  constructor(private readonly webhooks: Webhooks) {}

  async enqueueVisible(
    tx: Transaction,
    projected: { before: CaseView | undefined; after: CaseView } | undefined,
  ): Promise<void> {
    const client = projected?.after.submittedByClient;
    if (!projected || !client) return;
    const { before, after } = projected;
    const from = before ? before.sequence : -1;
    if (after.sequence <= from) return;
    const rows = await tx.query<EntryRow>(sql`
      SELECT event_id AS "eventId", sequence, status, agency_code AS "agencyCode",
             agency_time_zone AS "agencyTimeZone", occurred_at AS "occurredAt", reason, payment
        FROM timeline_entries
       WHERE application_id = ${after.applicationId}
         AND sequence > ${from} AND sequence <= ${after.sequence}
       ORDER BY sequence`);
    for (const row of rows) {
      const data: ClientApplicationStatusChangedV1 = {
        applicationId: after.applicationId,
        trackingNo: after.trackingNo,
        ...toTimelineEntry(row),
      };
      await this.webhooks.enqueue(tx, {
        id: row.eventId,
        type: CLIENT_STATUS_CHANGED,
        scope: client,
        orderingKey: after.applicationId,
        occurredAt: row.occurredAt,
        data,
      });
    }
  }
}
