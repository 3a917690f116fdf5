import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DomainError } from '@satupintu/common';
import {
  COMPLAINT_KINDS_V1,
  COMPLAINT_STATUSES_V1,
  COMPLAINT_SUBJECT_KINDS,
  COMPLAINT_TEXT_MAX_LENGTH,
  type ComplaintKindV1,
  type ComplaintStatusV1,
  type ComplaintSubjectKind,
  type GetComplaintFiguresV1,
  type ListComplaintEscalationsV1,
  type ListComplaintsV1,
  type SubmitComplaintV1,
} from '@satupintu/contracts';
import { normalizeComplaintNumber } from '@satupintu/domain';
import {
  TRACKING_NO_INPUT_MAX_LENGTH,
  trackingNoFromPath,
} from '../applications/tracking-number.param';
import {
  FIGURES_DAY,
  FiguresPeriodRequest,
  figuresPeriodOf,
} from '../dashboards/figures-period.request';
import { SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { AgencyPageRequest, agencyPageOf } from '../openapi/paging';

/** Room for a complaint number typed with hyphens and spaces (`ADU-K7M3-9QX2-C`). */
export const COMPLAINT_NO_INPUT_MAX_LENGTH = 32;
export const FOLLOW_SECRET = {
  type: String,
  minLength: 22,
  maxLength: 22,
  pattern: '^[A-Za-z0-9_-]{22}$',
  example: 'q3V9x2mB7kLp0ZrT4sWd1A',
};
const FOLLOW_SECRET_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The canonical number of a typed one (case, hyphens, spaces, I/L/O); a 400 if mistyped. */
export function complaintNoFrom(raw: string): string {
  const complaintNo =
    raw.length <= COMPLAINT_NO_INPUT_MAX_LENGTH ? normalizeComplaintNumber(raw) : null;
  if (!complaintNo) throw new DomainError('invalid_complaint_number', 400);
  return complaintNo;
}

export class SubmitComplaintRequest {
  @ApiProperty({
    enum: COMPLAINT_KINDS_V1,
    enumName: 'ComplaintKind',
    description:
      '`PENGADUAN` (a complaint), `ASPIRASI` (a suggestion), `PERMINTAAN_INFORMASI` (a request for information)',
    example: 'PENGADUAN',
  })
  @IsIn(COMPLAINT_KINDS_V1)
  kind: ComplaintKindV1;

  @ApiProperty({
    enum: COMPLAINT_SUBJECT_KINDS,
    enumName: 'ComplaintSubjectKind',
    description:
      'What it is about: an application (`trackingNo`), one step of a bundle (that step’s own `trackingNo`: it goes to that step’s agency), or a service (`serviceCode`)',
    example: 'SERVICE',
  })
  @IsIn(COMPLAINT_SUBJECT_KINDS)
  subjectKind: ComplaintSubjectKind;

  @ApiPropertyOptional({
    description: 'APPLICATION, BUNDLE_STEP: the tracking number, as typed',
    minLength: 9,
    maxLength: TRACKING_NO_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    example: 'K7M3-9QX2-C',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TRACKING_NO_INPUT_MAX_LENGTH)
  trackingNo?: string;

  @ApiPropertyOptional({
    description: 'SERVICE: the service’s code',
    maxLength: SERVICE_CODE_MAX_LENGTH,
    pattern: '^[A-Z0-9][A-Z0-9-]{1,63}$',
    example: 'DUKCAPIL-AKTA-LAHIR',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { context: { code: 'service_code_format' } })
  serviceCode?: string;

  @ApiProperty({
    description: 'What happened, or what is suggested or asked. Kept only by the surveys service',
    minLength: 10,
    maxLength: COMPLAINT_TEXT_MAX_LENGTH,
    example: 'Petugas loket meminta biaya tambahan untuk mempercepat akta kelahiran.',
  })
  @IsDefined()
  @IsString()
  @MinLength(10)
  @MaxLength(COMPLAINT_TEXT_MAX_LENGTH)
  text: string;

  @ApiPropertyOptional({
    description:
      'Where an anonymous reporter is told of each step (routed, answered, closed); a signed-in one is told at the contacts of their account',
    format: 'email',
    maxLength: 254,
    example: 'pelapor@example.id',
  })
  @IsOptional()
  @IsEmail({}, { context: { code: 'email_format' } })
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({
    description: 'Or an Indonesian mobile number, `+62…` (a phone is told before an e-mail)',
    maxLength: 16,
    pattern: '^\\+62\\d{8,13}$',
    example: '+6281234567890',
  })
  @IsOptional()
  @Matches(/^\+62\d{8,13}$/, { context: { code: 'phone_format' } })
  contactPhone?: string;
}

export function toSubmitComplaintV1(body: SubmitComplaintRequest): SubmitComplaintV1 {
  const byTrackingNo = body.subjectKind !== 'SERVICE';
  if (byTrackingNo ? !body.trackingNo || body.serviceCode : !body.serviceCode || body.trackingNo)
    throw DomainError.validation([
      { field: byTrackingNo ? 'trackingNo' : 'serviceCode', code: 'required' },
    ]);
  return {
    kind: body.kind,
    subjectKind: body.subjectKind,
    ...(body.trackingNo ? { trackingNo: trackingNoFromPath(body.trackingNo) } : {}),
    ...(body.serviceCode ? { serviceCode: body.serviceCode } : {}),
    text: body.text,
    ...(body.contactEmail ? { contactEmail: body.contactEmail } : {}),
    ...(body.contactPhone ? { contactPhone: body.contactPhone } : {}),
  };
}

/** Following a complaint without signing in: in the body, never the URL. */
export class FollowComplaintRequest {
  @ApiProperty({
    description: 'The complaint number, canonical or as typed (hyphens, spaces, lower case)',
    minLength: 12,
    maxLength: COMPLAINT_NO_INPUT_MAX_LENGTH,
    pattern: '^[0-9A-Za-z -]+$',
    example: 'ADU-K7M3-9QX2-C',
  })
  @IsDefined()
  @IsString()
  @MaxLength(COMPLAINT_NO_INPUT_MAX_LENGTH)
  complaintNo: string;

  @ApiProperty({ ...FOLLOW_SECRET, description: 'The secret the receipt gave, once' })
  @IsDefined()
  @IsString()
  @Matches(FOLLOW_SECRET_PATTERN, { context: { code: 'follow_secret_format' } })
  followSecret: string;
}

/** A routing note, an answer, or the reason of a dispute. */
export class ComplaintActionRequest {
  @ApiProperty({
    description: 'The routing note, the answer, or why the answer is not accepted',
    minLength: 1,
    maxLength: COMPLAINT_TEXT_MAX_LENGTH,
    example: 'Petugas yang bersangkutan sudah ditegur; biaya tidak pernah dipungut.',
  })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(COMPLAINT_TEXT_MAX_LENGTH)
  text: string;
}

export class DisputeComplaintRequest extends ComplaintActionRequest {
  @ApiPropertyOptional({
    ...FOLLOW_SECRET,
    description: 'An anonymous reporter: the secret the receipt gave. A signed-in reporter: none',
  })
  @IsOptional()
  @IsString()
  @Matches(FOLLOW_SECRET_PATTERN, { context: { code: 'follow_secret_format' } })
  followSecret?: string;
}

export class ListComplaintsRequest extends AgencyPageRequest {
  @ApiPropertyOptional({
    enum: COMPLAINT_STATUSES_V1,
    enumName: 'ComplaintStatus',
    description: 'Only complaints in this status',
    example: 'SUBMITTED',
  })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES_V1)
  status?: ComplaintStatusV1;
}

export class ListComplaintEscalationsRequest extends AgencyPageRequest {}

export function toListComplaintsV1(query: ListComplaintsRequest): ListComplaintsV1 {
  return { ...agencyPageOf(query), ...(query.status ? { status: query.status } : {}) };
}

export function toListComplaintEscalationsV1(
  query: ListComplaintEscalationsRequest,
): ListComplaintEscalationsV1 {
  return agencyPageOf(query);
}

export class ComplaintFiguresRequest extends FiguresPeriodRequest {
  // Only its description: the check is the period's own.
  @ApiProperty({
    ...FIGURES_DAY,
    description: 'The first day (complaints submitted on or after it, in each agency’s zone)',
    example: '2026-01-01',
  })
  declare from: string;
}

export function toGetComplaintFiguresV1(query: ComplaintFiguresRequest): GetComplaintFiguresV1 {
  return figuresPeriodOf(query);
}
