import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import {
  buildLicenseBody,
  buildLicenseStatusBody,
  issuesLicense,
  kdStatusesOf,
  type OssPermitRef,
} from '@satupintu/domain';
import type { WebhookEvent } from '@satupintu/webhooks';
import { ossDeliveryType } from './oss-protocol';

/** Every OSS delivery is of this scope: the one subscription the deployment configures. */
export const OSS_SCOPE = 'oss';

/** What the deployment says of the mall to OSS. */
export interface OssReportSettings {
  /** `kd_instansi` (3 characters), as OSS registered the mall. */
  kdInstansi: string;
  /** The mall's region (Kemendagri, 10 digits), for a permit that came without one. */
  kdDaerah: string;
  /** The mall's public API, where an issued permit's file is verified (`file_izin`). */
  publicBaseUrl: string;
}

/** A permit OSS sent and the application it opened, with the name OSS gave it. */
export interface ReportedPermit extends OssPermitRef {
  namaIzin?: string;
}

/**
 * The reports OSS gets for one move of a case that came from it, in order: a receiveLicenseStatus
 * per `kd_status` of the move (`kdStatusesOf`), and receiveLicense when the output is issued.
 * Each is its own delivery, its id the agency event's and its place in the move, so the event
 * handled again (redelivered by NATS) enqueues nothing new; its ordering key the application,
 * so OSS hears of one application's moves in their order.
 */
export function reportsOf(
  change: ApplicationStatusChangedV1,
  eventId: string,
  permit: ReportedPermit,
  settings: OssReportSettings,
): WebhookEvent[] {
  const at = new Date(change.changedAt);
  const common = { scope: OSS_SCOPE, orderingKey: change.applicationId, occurredAt: at };
  const reports: WebhookEvent[] = kdStatusesOf(change).map((kdStatus) => ({
    ...common,
    id: `${eventId}/${kdStatus}`,
    type: ossDeliveryType('receiveLicenseStatus'),
    data: buildLicenseStatusBody({
      permit,
      kdInstansi: settings.kdInstansi,
      kdStatus,
      at,
      timeZone: change.agencyTimeZone,
      ...(change.reason ? { reason: change.reason } : {}),
      ...(change.payment ? { payment: change.payment } : {}),
    }),
  }));
  if (issuesLicense(change) && change.output) {
    const number = change.output.number;
    reports.push({
      ...common,
      id: `${eventId}/license`,
      type: ossDeliveryType('receiveLicense'),
      data: buildLicenseBody({
        permit,
        number,
        issuedAt: at,
        timeZone: change.agencyTimeZone,
        kdDaerah: settings.kdDaerah,
        fileUrl: `${settings.publicBaseUrl.replace(/\/+$/, '')}/v1/verify/${encodeURIComponent(number)}`,
        ...(permit.namaIzin ? { nomenclature: permit.namaIzin } : {}),
      }),
    });
  }
  return reports;
}
