import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineRequest } from '../contract';
import { QUEUE_FORMATS } from '../queue/queue-formats';

/** The bounds of a submitted form: what the standard's fields can ask for, and no more. */
export const FORM_LIMITS = {
  keys: 100,
  keyLength: 48,
  stringLength: 1000,
  /** Numbers stay exact in JSON and in the standard's bounds. */
  number: 1_000_000_000_000_000,
} as const;

export type FormValueV2 = string | number | boolean;
export type FormDataV2 = Record<string, FormValueV2>;

const FORM_KEY = /^[a-z][a-zA-Z0-9]{0,47}$/;

/** A plain object of at most 100 named values, each a bounded text, a bounded number or a boolean. */
export function isFormData(value: unknown): value is FormDataV2 {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= FORM_LIMITS.keys &&
    entries.every(
      ([key, item]) =>
        FORM_KEY.test(key) &&
        (typeof item === 'boolean' ||
          (typeof item === 'number' &&
            Number.isFinite(item) &&
            Math.abs(item) <= FORM_LIMITS.number) ||
          (typeof item === 'string' && item.length <= FORM_LIMITS.stringLength)),
    )
  );
}

/**
 * `form`: the validator of the message and of the gateway's body alike. Absent is allowed, null
 * is not (it is no form): unlike `IsOptional`, only `undefined` skips the check.
 */
export function IsFormData(): PropertyDecorator {
  const present = ValidateIf((_object, value) => value !== undefined);
  const shaped = ValidateBy(
    { name: 'isFormData', validator: { validate: isFormData, defaultMessage: () => 'form' } },
    {
      context: {
        code: 'form_shape',
        params: { maxKeys: FORM_LIMITS.keys, maxLength: FORM_LIMITS.stringLength },
      },
    },
  );
  return (target, property) => {
    present(target, property);
    shaped(target, property);
  };
}

/** How the applicant agreed to a submission made for them at a counter or on the phone. */
export const CONSENT_METHODS = ['SIGNED_FORM', 'VERBAL', 'ELECTRONIC_SIGNATURE'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * The applicant's consent to a submission an officer makes for them (UU 27/2022: their data is
 * processed on their agreement): how it was given and, for a signed form, its number.
 */
export class ConsentV2 {
  @IsDefined()
  @IsIn(CONSENT_METHODS)
  method: ConsentMethod;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_./:-]{1,64}$/, { context: { code: 'consent_reference_format' } })
  reference?: string;
}

/** The applicant an officer or an API client submits for, named by NIK. */
export class ApplicantV2 {
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;

  /** Required when a front-desk officer submits; an API client's own agreements cover its own. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentV2)
  consent?: ConsentV2;
}

/** A document uploaded earlier (`POST /v1/documents`), offered for one of the service's requirements. */
export class AttachedDocumentV2 {
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9_]{2,48}$/)
  requirement: string;

  @IsDefined()
  @IsUUID()
  documentId: string;
}

/** An API client's reference: what case numbers of other systems look like, bounded. */
export const EXTERNAL_REFERENCE = /^[A-Za-z0-9_./:-]{1,64}$/;

/** The most documents one application carries. */
export const MAX_ATTACHED_DOCUMENTS = 30;

/**
 * Who applies, for whom and how, as every submission (an application, a bundle) states it: the
 * caller (the principal beside the payload) decides who the applicant is. A signed-in applicant
 * submits for themself and names no applicant; a front-desk officer or an API client names the
 * applicant by NIK. `businessId` is a business the applicant acts for.
 */
export class SubmissionPartyV2 {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantV2)
  applicant?: ApplicantV2;

  @IsOptional()
  @IsUUID()
  businessId?: string;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

/** v2: the caller decides who the applicant is (`SubmissionPartyV2`). */
export class SubmitApplicationV2 extends SubmissionPartyV2 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  serviceCode: string;

  /**
   * An API client's own reference for the application (its case number), unique per client: a
   * second application with one is refused with the first one's tracking number.
   */
  @IsOptional()
  @IsString()
  @Matches(EXTERNAL_REFERENCE, { context: { code: 'external_reference_format' } })
  externalReference?: string;

  /**
   * The queue ticket (its `ANT…` code) the front-desk officer is serving at their counter: the
   * application is submitted at the counter (channel `COUNTER`) for that visitor, and the case
   * records the ticket and the counter (ADR 0037).
   */
  @IsOptional()
  @IsString()
  @Matches(QUEUE_FORMATS.ticketCode, { context: { code: 'ticket_code_format' } })
  queueTicket?: string;

  /**
   * The data fields of the service's standard, by name. Checked against the standard by intake
   * (per field, `form.<name>`); absent, the application carries no form data yet.
   */
  @IsFormData()
  form?: FormDataV2;

  /** Documents the caller uploaded and has not attached elsewhere; attached with the application. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentV2)
  documents?: AttachedDocumentV2[];
}

/** Intake's answer: replies are not validated on receipt, so this is a type, not a class. */
export interface ApplicationReceiptV1 {
  applicationId: string;
  /** Canonical tracking number, check character last. */
  trackingNo: string;
  status: 'SUBMITTED';
  serviceCode: string;
  /** The agency that owns the service. */
  agencyCode: string;
  channel: Channel;
  /** ISO 8601 in the agency's time zone. */
  submittedAt: string;
}

export const SubmitApplication = defineRequest<SubmitApplicationV2, ApplicationReceiptV1>({
  subject: 'intake.application.submit.v2',
  service: 'intake',
  payload: SubmitApplicationV2,
});
