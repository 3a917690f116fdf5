import { OSS_ATTEMPTS_SHOWN, type OssDeliveryV1 } from '@satupintu/contracts';
import type { DeliveryAttempt, WebhookDelivery } from '@satupintu/webhooks';
import { ossMethodOf } from './oss-protocol';

/** A report as the log shows it: what was sent (the PIA's identifiers), and every attempt. */
export function deliveryView(
  delivery: WebhookDelivery,
  attempts: readonly DeliveryAttempt[],
  trackingNo: string | undefined,
): OssDeliveryV1 {
  const method = ossMethodOf(delivery.eventType);
  const payload = (delivery.payload ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const body = payload.IZINSTATUS ?? payload.IZINFINAL ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    id: delivery.id,
    method,
    applicationId: delivery.orderingKey,
    ...(trackingNo ? { trackingNo } : {}),
    nib: text(body.nib),
    idIzin: text(body.id_izin),
    ...(method === 'receiveLicenseStatus'
      ? { kdStatus: text(body.kd_status) }
      : { nomorIzin: text(body.nomor_izin) }),
    occurredAt: delivery.occurredAt.toISOString(),
    status: delivery.status,
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt.toISOString() } : {}),
    createdAt: delivery.createdAt.toISOString(),
    ...(delivery.deliveredAt ? { deliveredAt: delivery.deliveredAt.toISOString() } : {}),
    ...(delivery.deadAt ? { deadAt: delivery.deadAt.toISOString() } : {}),
    attempts: attempts.slice(-OSS_ATTEMPTS_SHOWN).map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      ...(a.httpStatus !== null ? { httpStatus: a.httpStatus } : {}),
      ...(a.error !== null ? { error: a.error } : {}),
      ...(a.answer !== null ? { answer: a.answer } : {}),
      durationMs: a.durationMs,
    })),
  };
}
