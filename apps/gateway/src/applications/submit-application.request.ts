import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  CONSENT_METHODS,
  type ConsentMethod,
  FORM_LIMITS,
  IsFormData,
  MAX_ATTACHED_DOCUMENTS,
  QUEUE_FORMATS,
  type Channel,
  type FormDataV2,
  type SubmissionPartyV2,
  type SubmitApplicationV2,
} from '@satupintu/contracts';
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
  ValidateNested,
} from 'class-validator';
import { CHANNEL, SERVICE_CODE_MAX_LENGTH } from '../openapi/formats';
import { BIRTH_FORM_EXAMPLE } from './applications.examples';

// The validators are those of SubmitApplicationV2, which intake checks again on receipt: a body
// the gateway accepts is never refused by intake for its shape, only for what it means (422).

/** A form's data fields by name, each a bounded text, a number or true/false: one schema. */
export const FORM_DATA_SCHEMA = {
  type: 'object',
  maxProperties: FORM_LIMITS.keys,
  additionalProperties: {
    oneOf: [
      { type: 'string', maxLength: FORM_LIMITS.stringLength },
      { type: 'number', minimum: -FORM_LIMITS.number, maximum: FORM_LIMITS.number },
      { type: 'boolean' },
    ],
  },
} satisfies ApiPropertyOptions;

export class ConsentRequest {
  @ApiProperty({
    enum: CONSENT_METHODS,
    description:
      'How the applicant agreed: a signed consent form, said aloud to the officer (at the counter ' +
      'or on a recorded call), or an electronic signature on the counter pad',
    example: 'SIGNED_FORM',
  })
  @IsDefined()
  @IsIn(CONSENT_METHODS)
  method: ConsentMethod;

  @ApiPropertyOptional({
    description: "The signed form's number, or the call's recording reference",
    pattern: '^[A-Za-z0-9_./:-]{1,64}$',
    maxLength: 64,
    example: 'PRS/2026/11/0042',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_./:-]{1,64}$/, { context: { code: 'consent_reference_format' } })
  reference?: string;
}

export class ApplicantRequest {
  @ApiProperty({
    description: 'NIK, the 16-digit national identity number',
    pattern: '^\\d{16}$',
    minLength: 16,
    maxLength: 16,
    example: '3201014506900001',
  })
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @ApiProperty({ description: 'Full name', minLength: 1, maxLength: 200, example: 'Siti Rahayu' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    description: 'Birth date; when given, it must agree with the one the NIK encodes',
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxLength: 10,
    example: '1990-06-05',
  })
  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { context: { code: 'must_be_date' } })
  birthDate?: string;

  @ApiPropertyOptional({
    type: ConsentRequest,
    description:
      "The applicant's consent to this submission: required when a front-desk officer submits " +
      'for them (recorded with the application); an API client may give it',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentRequest)
  consent?: ConsentRequest;
}

export class AttachedDocumentRequest {
  @ApiProperty({
    description: "The service standard's requirement this document answers",
    pattern: '^[A-Z0-9_]{2,48}$',
    minLength: 2,
    maxLength: 48,
    example: 'KTP',
  })
  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9_]{2,48}$/)
  requirement: string;

  @ApiProperty({
    description: 'A document the caller uploaded (`POST /v1/documents`) and has not attached yet',
    format: 'uuid',
    maxLength: 36,
    example: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
  })
  @IsDefined()
  @IsUUID()
  documentId: string;
}

/** Who applies, for whom and how: the same for an application and for a bundle. */
export class SubmissionPartyRequest {
  @ApiPropertyOptional({
    type: ApplicantRequest,
    description:
      'Who applies, when a front-desk officer or an API client submits for them. A signed-in ' +
      'applicant submits for themself and leaves this out.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantRequest)
  applicant?: ApplicantRequest;

  @ApiPropertyOptional({
    description: 'A business the applicant owns or represents, when they apply for it',
    format: 'uuid',
    maxLength: 36,
    example: '0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40',
  })
  @IsOptional()
  @IsUUID()
  businessId?: string;

  @ApiPropertyOptional({
    ...CHANNEL,
    description:
      'Where it came from. Applicants: WEB (default) or MOBILE; front-desk ' +
      'officers: COUNTER (default) or CALL_CENTER; API clients: PORTAL (default), KIOSK, WEB or MOBILE.',
    example: 'KIOSK',
  })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class SubmitApplicationRequest extends SubmissionPartyRequest {
  @ApiProperty({
    description: "Code of a service in the mall's catalog",
    minLength: 1,
    maxLength: SERVICE_CODE_MAX_LENGTH,
    example: 'DUKCAPIL-KK',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SERVICE_CODE_MAX_LENGTH)
  serviceCode: string;

  @ApiPropertyOptional({
    description:
      "An API client's own reference for the case (its case number), unique per client: a second " +
      'application under it is refused with a 409 naming the first one. Not for applicants or officers.',
    pattern: '^[A-Za-z0-9_./:-]{1,64}$',
    maxLength: 64,
    example: 'OSS-2026-000123',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_./:-]{1,64}$/, { context: { code: 'external_reference_format' } })
  externalReference?: string;

  @ApiPropertyOptional({
    description:
      'For a front-desk officer submitting at the counter (`channel` `COUNTER`): the queue ticket ' +
      '(its `ANT…` code) called to their counter now, of a visitor who came to apply. The case ' +
      'records the ticket and the counter, and the ticket the application (422 on `queueTicket` ' +
      'for a ticket not called to their counter, of another agency, or used for an application ' +
      'already). Not for applicants or API clients.',
    pattern: QUEUE_FORMATS.ticketCode.source,
    maxLength: 12,
    example: 'ANT7K3M9QX2CD',
  })
  @IsOptional()
  @IsString()
  @Matches(QUEUE_FORMATS.ticketCode, { context: { code: 'ticket_code_format' } })
  queueTicket?: string;

  @ApiPropertyOptional({
    description:
      'The data fields of the service’s standard (`GET /v1/services/{serviceCode}`), by name: a text, ' +
      'number or true/false each, checked against the standard (422 naming `form.<name>`: missing, ' +
      'mistyped, out of range, unknown). At most 100 fields, names of letters and digits starting ' +
      'with a lower-case letter. Left out, the application carries no form data yet: the agency ' +
      'collects it while verifying.',
    ...FORM_DATA_SCHEMA,
    example: BIRTH_FORM_EXAMPLE,
  })
  @IsFormData()
  form?: FormDataV2;

  @ApiPropertyOptional({
    type: [AttachedDocumentRequest],
    maxItems: MAX_ATTACHED_DOCUMENTS,
    description:
      'Documents to attach, each uploaded before by the same caller and attached nowhere yet; ' +
      'they are attached together with the application, or not at all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHED_DOCUMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachedDocumentRequest)
  documents?: AttachedDocumentRequest[];
}

/** The message to intake, written out field by field so the HTTP body and it can change apart. */
export function toSubmitApplicationV2(body: SubmitApplicationRequest): SubmitApplicationV2 {
  return {
    serviceCode: body.serviceCode,
    ...toSubmissionPartyV2(body),
    ...(body.externalReference === undefined ? {} : { externalReference: body.externalReference }),
    ...(body.queueTicket === undefined ? {} : { queueTicket: body.queueTicket }),
    ...(body.form === undefined ? {} : { form: { ...body.form } }),
    ...(body.documents === undefined
      ? {}
      : {
          documents: body.documents.map((document) => ({
            requirement: document.requirement,
            documentId: document.documentId,
          })),
        }),
  };
}

export function toSubmissionPartyV2(body: SubmissionPartyRequest): SubmissionPartyV2 {
  const applicant = body.applicant;
  return {
    ...(applicant === undefined
      ? {}
      : {
          applicant: {
            nik: applicant.nik,
            name: applicant.name,
            ...(applicant.birthDate === undefined ? {} : { birthDate: applicant.birthDate }),
            ...(applicant.consent === undefined
              ? {}
              : {
                  consent: {
                    method: applicant.consent.method,
                    ...(applicant.consent.reference === undefined
                      ? {}
                      : { reference: applicant.consent.reference }),
                  },
                }),
          },
        }),
    ...(body.businessId === undefined ? {} : { businessId: body.businessId }),
    ...(body.channel === undefined ? {} : { channel: body.channel }),
  };
}
