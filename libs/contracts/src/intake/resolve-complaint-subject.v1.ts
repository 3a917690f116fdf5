import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineRequest } from '../contract';

/**
 * Which agency owns what a complaint is about (surveys asks, as itself): an application, a bundle
 * step (its own application: that step's agency), or a service. Answers ids and codes only. The
 * queue service asks it too (as itself), of the application a ticket names.
 */
export class ResolveComplaintSubjectV1 {
  @IsIn(['APPLICATION', 'BUNDLE_STEP', 'SERVICE'])
  kind: 'APPLICATION' | 'BUNDLE_STEP' | 'SERVICE';

  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  serviceCode?: string;

  /**
   * Only an application (or bundle step) of this applicant, its owner as in the applicant's own
   * lists: anyone else's is answered exactly as one nobody has (404), so that the asker (the
   * queue, for an online booking) cannot be used to learn which tracking numbers exist.
   */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9_.:@-]+$/)
  applicantId?: string;
}

export interface ComplaintSubjectV1 {
  agencyCode: string;
  agencyTimeZone: string;
  serviceCode: string;
  applicationId?: string;
  /** For a bundle step: its bundle case and step. */
  bundleCaseId?: string;
  stepKey?: string;
}

export const ResolveComplaintSubject = defineRequest<ResolveComplaintSubjectV1, ComplaintSubjectV1>(
  {
    subject: 'intake.complaint-subject.resolve.v1',
    service: 'intake',
    payload: ResolveComplaintSubjectV1,
  },
);
