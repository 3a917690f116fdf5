import { ApplicationStatusChanged, ServiceStandardPublished } from '@satupintu/contracts';
import { webhookEventsOf, webhookSource } from './webhook-sources';

const change = {
  applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
  trackingNo: 'K7M39QX2C',
  agencyCode: 'DUKCAPIL',
  agencyTimeZone: 'Asia/Jakarta',
  from: 'SUBMITTED' as const,
  to: 'VERIFYING' as const,
  changedAt: '2026-12-01T10:00:00.000+07:00',
};
const at = new Date('2026-12-01T03:00:00Z');

describe('webhookEventsOf', () => {
  it("maps a source's events by their contract: subject, routing key, ordering key, payload", () => {
    const events = webhookEventsOf(
      [webhookSource(ApplicationStatusChanged)],
      [
        { id: 'e1', event: ApplicationStatusChanged, payload: change, occurredAt: at },
        { id: 'e2', event: ServiceStandardPublished, payload: {}, occurredAt: at },
      ],
    );
    expect(events).toEqual([
      {
        id: 'e1',
        type: 'agency.application.status-changed.v1',
        scope: 'DUKCAPIL',
        orderingKey: change.applicationId,
        occurredAt: at,
        data: change,
      },
    ]);
  });

  it('takes a type, scope and data of its own', () => {
    const [event] = webhookEventsOf(
      [
        webhookSource(ApplicationStatusChanged, {
          type: 'status',
          scope: (c) => `tracking:${c.trackingNo}`,
          data: (c) => ({ to: c.to }),
        }),
      ],
      [{ id: 'e1', event: ApplicationStatusChanged, payload: change, occurredAt: at }],
    );
    expect(event).toMatchObject({
      type: 'status',
      scope: 'tracking:K7M39QX2C',
      data: { to: 'VERIFYING' },
    });
  });
});
