import { PageLimitV1, PageCursorV1 } from '../paging';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { defineRequest } from '../contract';
import type { ComplaintEscalationStage } from './complaint-escalated.v1';

export const COMPLAINT_KINDS_V1 = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] as const;
export type ComplaintKindV1 = (typeof COMPLAINT_KINDS_V1)[number];
export const COMPLAINT_STATUSES_V1 = [
  'SUBMITTED',
  'ROUTED',
  'ANSWERED',
  'REOPENED',
  'CLOSED',
] as const;
export type ComplaintStatusV1 = (typeof COMPLAINT_STATUSES_V1)[number];
/** APPLICATION and BUNDLE_STEP name a tracking number (a bundle step's own application). */
export const COMPLAINT_SUBJECT_KINDS = ['APPLICATION', 'BUNDLE_STEP', 'SERVICE'] as const;
export type ComplaintSubjectKind = (typeof COMPLAINT_SUBJECT_KINDS)[number];

export const COMPLAINT_TEXT_MAX_LENGTH = 4000;
const COMPLAINT_NO = /^ADU[0-9A-HJKMNP-TV-Z]{9}$/;
const TRACKING_NO = /^[0-9A-HJKMNP-TV-Z]{9}$/;
/** 128 random bits, base64url: given to the reporter once, kept only as its SHA-256. */
const FOLLOW_SECRET = /^[A-Za-z0-9_-]{22}$/;

/**
 * A complaint, a suggestion or a request for information (after SP4N-LAPOR!), anonymous or by a
 * signed-in applicant (the caller's principal). What it is about: an application or a bundle step
 * by tracking number, or a service by code. Text and contact are personal data: they stay in the
 * surveys database and never go into an event.
 */
export class SubmitComplaintV1 {
  @IsIn(COMPLAINT_KINDS_V1)
  kind: ComplaintKindV1;

  @IsIn(COMPLAINT_SUBJECT_KINDS)
  subjectKind: ComplaintSubjectKind;

  /** APPLICATION, BUNDLE_STEP: the canonical tracking number of that application. */
  @IsOptional()
  @IsString()
  @Matches(TRACKING_NO)
  trackingNo?: string;

  /** SERVICE: the service's code. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  serviceCode?: string;

  @IsString()
  @MinLength(10)
  @MaxLength(COMPLAINT_TEXT_MAX_LENGTH)
  text: string;

  /** Where an anonymous reporter wants to be told of each step; nothing without it. */
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @IsOptional()
  @Matches(/^\+62\d{8,13}$/)
  contactPhone?: string;
}

export interface ComplaintReceiptV1 {
  complaintNo: string;
  /** The reporter's second factor to follow it: shown once, never again. */
  followSecret: string;
  status: ComplaintStatusV1;
  agencyCode: string;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  due: { what: 'ROUTE' | 'ANSWER' | 'CLOSE'; by: string };
}

/** One step of a complaint as its reporter and its handlers see it. */
export interface ComplaintStepV1 {
  step: 'SUBMITTED' | 'ROUTED' | 'ANSWERED' | 'DISPUTED' | 'ESCALATED' | 'CLOSED';
  /** ISO 8601 in the agency's time zone. */
  at: string;
  /** The routing note, the answer, the reason of a dispute; absent on the others. */
  text?: string;
  /** ESCALATED: which deadline was missed. */
  stage?: ComplaintEscalationStage;
}

export interface ComplaintV1 {
  complaintNo: string;
  kind: ComplaintKindV1;
  status: ComplaintStatusV1;
  subjectKind: ComplaintSubjectKind;
  trackingNo?: string;
  serviceCode?: string;
  agencyCode: string;
  text: string;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  /** What it waits for and until when; absent once closed. */
  due?: { what: 'ROUTE' | 'ANSWER' | 'CLOSE'; by: string };
  /** Whether the reporter may still dispute the answer (once, within the closing period). */
  disputable: boolean;
  steps: ComplaintStepV1[];
}

/** The complaint by its number: its signed-in reporter, the mall's admins, the owning agency's officers. */
export class GetComplaintV1 {
  @IsString()
  @Matches(COMPLAINT_NO)
  complaintNo: string;
}

/** The complaint by its number and the reporter's second factor: anyone who holds both. */
export class FollowComplaintV1 {
  @IsString()
  @Matches(COMPLAINT_NO)
  complaintNo: string;

  @IsString()
  @Matches(FOLLOW_SECRET)
  followSecret: string;
}

export const COMPLAINT_ACTIONS_V1 = ['ROUTE', 'ANSWER', 'DISPUTE'] as const;
export type ComplaintActionV1 = (typeof COMPLAINT_ACTIONS_V1)[number];

/**
 * ROUTE: a mall admin verified it and sends it to the owning agency (or, with `agencyCode`,
 * another one: the subject named the wrong agency). ANSWER: an officer of that agency answers.
 * DISPUTE: its reporter (signed in, or by `followSecret`) does not accept the answer, once.
 */
export class ActOnComplaintV1 {
  @IsString()
  @Matches(COMPLAINT_NO)
  complaintNo: string;

  @IsIn(COMPLAINT_ACTIONS_V1)
  action: ComplaintActionV1;

  @IsString()
  @MinLength(1)
  @MaxLength(COMPLAINT_TEXT_MAX_LENGTH)
  text: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode?: string;

  @IsOptional()
  @IsString()
  @Matches(FOLLOW_SECRET)
  followSecret?: string;
}

/** Complaints for their handlers, the latest first: one agency's, or (mall admins) all. */
export class ListComplaintsV1 {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode?: string;

  @IsOptional()
  @IsIn(COMPLAINT_STATUSES_V1)
  status?: ComplaintStatusV1;

  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

export interface ComplaintItemV1 {
  complaintNo: string;
  kind: ComplaintKindV1;
  status: ComplaintStatusV1;
  agencyCode: string;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
  due?: { what: 'ROUTE' | 'ANSWER' | 'CLOSE'; by: string };
}

export interface ComplaintsPageV1 {
  items: ComplaintItemV1[];
  nextCursor?: string;
}

/** Missed deadlines for mall management (mall admins), the latest first. */
export class ListComplaintEscalationsV1 {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode?: string;

  @PageLimitV1()
  limit: number;

  @PageCursorV1()
  cursor?: string;
}

export interface ComplaintEscalationItemV1 {
  complaintNo: string;
  agencyCode: string;
  stage: ComplaintEscalationStage;
  /** ISO 8601 in the agency's time zone. */
  deadline: string;
  escalatedAt: string;
  /** The complaint's status now. */
  status: ComplaintStatusV1;
}

export interface ComplaintEscalationsPageV1 {
  items: ComplaintEscalationItemV1[];
  nextCursor?: string;
}

/** Complaint handling per agency over complaints submitted in [from, to) (dates, the agency's zone). */
export class GetComplaintFiguresV1 {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode?: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to: string;
}

export interface ComplaintFiguresRowV1 {
  agencyCode: string;
  received: number;
  /** Routed by their routing deadline. */
  routedOnTime: number;
  /** Answered by the deadline of the round that was answered (the first answer counts). */
  answeredOnTime: number;
  /** Complaints with at least one missed deadline. */
  escalated: number;
  /** Median working days from routing to the first answer; null without an answer. */
  medianAnswerWorkingDays: number | null;
}

export interface ComplaintFiguresV1 {
  from: string;
  to: string;
  agencies: ComplaintFiguresRowV1[];
}

export const SubmitComplaint = defineRequest<SubmitComplaintV1, ComplaintReceiptV1>({
  subject: 'surveys.complaint.submit.v1',
  service: 'surveys',
  payload: SubmitComplaintV1,
});
export const GetComplaint = defineRequest<GetComplaintV1, ComplaintV1>({
  subject: 'surveys.complaint.get.v1',
  service: 'surveys',
  payload: GetComplaintV1,
});
export const FollowComplaint = defineRequest<FollowComplaintV1, ComplaintV1>({
  subject: 'surveys.complaint.follow.v1',
  service: 'surveys',
  payload: FollowComplaintV1,
});
export const ActOnComplaint = defineRequest<ActOnComplaintV1, ComplaintV1>({
  subject: 'surveys.complaint.act.v1',
  service: 'surveys',
  payload: ActOnComplaintV1,
});
export const ListComplaints = defineRequest<ListComplaintsV1, ComplaintsPageV1>({
  subject: 'surveys.complaint.list.v1',
  service: 'surveys',
  payload: ListComplaintsV1,
});
export const ListComplaintEscalations = defineRequest<
  ListComplaintEscalationsV1,
  ComplaintEscalationsPageV1
>({
  subject: 'surveys.complaint-escalation.list.v1',
  service: 'surveys',
  payload: ListComplaintEscalationsV1,
});
export const GetComplaintFigures = defineRequest<GetComplaintFiguresV1, ComplaintFiguresV1>({
  subject: 'surveys.complaint-figures.get.v1',
  service: 'surveys',
  payload: GetComplaintFiguresV1,
});
