import type { ApplicantProfileChangedV1, BusinessProfileChangedV1 } from '@satupintu/contracts';

export interface ProfileSource {
  /** The current profile as the PROFILE stream holds it; undefined if it has none (yet). */
  applicant(applicantId: string): Promise<ApplicantProfileChangedV1 | undefined>;
  business(businessId: string): Promise<BusinessProfileChangedV1 | undefined>;
}

export interface ProfileCopies {
  needApplicant(applicantId: string): Promise<boolean>;
  needBusiness(businessId: string): Promise<boolean>;
  updateApplicant(profile: ApplicantProfileChangedV1): Promise<boolean>;
  updateBusiness(profile: BusinessProfileChangedV1): Promise<boolean>;
}

/**
 * A case arrived for an applicant (and maybe a business): the agency starts keeping their
 * profile. The first time, it takes the current one from the stream, so a deployment started
 * long after the profile was published still has it; afterwards the stream's changes keep it
 * current. If the stream has none yet, the change that brings it will fill the row.
 */
export async function keepProfilesOf(
  subject: { applicantId?: string; businessId?: string },
  copies: ProfileCopies,
  source: ProfileSource,
): Promise<void> {
  if (subject.applicantId && (await copies.needApplicant(subject.applicantId))) {
    const profile = await source.applicant(subject.applicantId);
    if (profile) await copies.updateApplicant(profile);
  }
  if (subject.businessId && (await copies.needBusiness(subject.businessId))) {
    const profile = await source.business(subject.businessId);
    if (profile) await copies.updateBusiness(profile);
  }
}
