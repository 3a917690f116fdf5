import { describeOssReply, ossAcknowledged } from '@satupintu/domain';
import type { DeliveryProtocol, OutgoingDelivery } from '@satupintu/webhooks';

/** The methods of OSS SatuPintu reports with, as the types of their deliveries (`oss.<method>`). */
export const OSS_REPORT_METHODS = ['receiveLicenseStatus', 'receiveLicense'] as const;
export type OssReportMethod = (typeof OSS_REPORT_METHODS)[number];

export const ossDeliveryType = (method: OssReportMethod) => `oss.${method}`;

export function ossMethodOf(eventType: string): OssReportMethod {
  const method = OSS_REPORT_METHODS.find((m) => ossDeliveryType(m) === eventType);
  if (!method) throw new Error(`not an OSS report: ${eventType}`);
  return method;
}

/**
 * The OSS RBA PIA as a delivery protocol (ADR 0031): each delivery is a POST of its stored body
 * (the PIA's `IZINSTATUS` or `IZINFINAL`, built when the case moved) to `<OSS base URL>/<method>`
 * with the `user_key` header; OSS has taken it only when its reply says `kode` 200 under
 * `respon<method>` (Lampiran 9), whatever the HTTP status. The reply's `kode keterangan` is kept
 * with the attempt, for the mall admin's delivery log.
 */
export function ossProtocol(userKey: string): DeliveryProtocol {
  return {
    request(delivery: OutgoingDelivery) {
      const method = ossMethodOf(delivery.eventType);
      return {
        url: `${delivery.url.replace(/\/+$/, '')}/${method}`,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'SatuPintu-OSS/1',
          user_key: userKey,
        },
        body: JSON.stringify(delivery.payload),
      };
    },
    answer(delivery, answer) {
      const method = ossMethodOf(delivery.eventType);
      return {
        acknowledged: ossAcknowledged(method, answer.body),
        kept: describeOssReply(method, answer.body),
      };
    },
  };
}
