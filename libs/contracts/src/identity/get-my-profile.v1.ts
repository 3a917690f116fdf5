import type { AddressV1 } from '../profile/applicant-profile-changed.v1';
import { defineRequest } from '../contract';
import type { ApplicantLanguage } from './register-applicant.v1';

/** No fields: whose profile is the caller's (a signed-in applicant), never the payload's. */
export class GetMyProfileV1 {}

/** The applicant's own profile; the NIK masked, as nobody needs it whole on a screen. */
export interface ApplicantProfileV1 {
  applicantId: string;
  nikMasked: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone?: string;
  phoneVerified: boolean;
  email?: string;
  emailVerified: boolean;
  address?: AddressV1;
  /** What the applicant is told in. */
  preferredLanguage: ApplicantLanguage;
  version: number;
}

export const GetMyProfile = defineRequest<GetMyProfileV1, ApplicantProfileV1>({
  subject: 'identity.applicant-profile.get.v1',
  service: 'identity',
  payload: GetMyProfileV1,
});
