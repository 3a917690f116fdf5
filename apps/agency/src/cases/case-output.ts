import type { CaseRecord } from '@satupintu/domain';
import type { IssueOutputCommand } from '../outputs/issue-output';
import type { BilingualText } from '../outputs/output-pdf';
import type { LockedCase } from './transition-case';

/** Printed as the holder when the agency keeps no profile of the case's applicant or business. */
export const UNKNOWN_HOLDER = '—';

/** What the agency keeps of whom a case is for: its copies of their profiles, if any. */
export interface CaseParties {
  applicant?: { name: string | null; nik: string | null };
  business?: { name: string | null };
}

/**
 * The output of a case that reached ISSUED. Its holder is the business a business case is for,
 * else the applicant (name and NIK, printed masked); a case the agency knows neither of (a
 * profile not synced yet) prints `—`. Its facts are what the case itself says: the tracking
 * number and the service; the form's data stays with intake.
 */
export function caseOutputCommand(
  locked: LockedCase,
  record: CaseRecord,
  known: { parties: CaseParties; serviceName?: BilingualText; issuedBy: string },
): IssueOutputCommand {
  const { applicant, business } = known.parties;
  const holder = business?.name
    ? { name: business.name }
    : applicant?.name
      ? { name: applicant.name, ...(applicant.nik ? { nik: applicant.nik } : {}) }
      : { name: UNKNOWN_HOLDER };
  return {
    applicationId: locked.applicationId,
    service: {
      code: locked.serviceCode,
      name: known.serviceName ?? { id: locked.serviceCode, en: locked.serviceCode },
    },
    holder,
    facts: [
      { label: { id: 'Nomor pelacakan', en: 'Tracking number' }, value: locked.trackingNo },
      { label: { id: 'Kode layanan', en: 'Service code' }, value: locked.serviceCode },
    ],
    issuedBy: known.issuedBy,
    issuedAt: new Date(record.at),
  };
}
