import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels';
import { defineEvent } from '../contract';
import { AGENCY_STREAM } from './agency.stream';

/**
 * The standard of one service, as its agency publishes it (Standar Pelayanan, after PermenPANRB
 * 15/2014): what an applicant must give (typed data fields and documents), the procedure, the
 * time limit, the fee and its legal basis, the output, the channels and where to complain. Every
 * text is in Indonesian and English. Every string and list is bounded: the standard travels in
 * one NATS message and is stored whole by the mall's catalog.
 */

export const SERVICE_CODE_PATTERN = /^[A-Z0-9-]{2,48}$/;
export const FORM_FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,47}$/;
export const DOCUMENT_KIND_PATTERN = /^[A-Z0-9_]{2,48}$/;

/** Life events and sectors a citizen looks for a service by. */
export const SERVICE_CATEGORIES = [
  'BUSINESS',
  'BIRTH',
  'FAMILY',
  'HEALTH',
  'BUILDING',
  'EMPLOYMENT',
  'IDENTITY',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/**
 * The kinds of data a form field holds: `nik`, `nib`, `kbli`, `npwp` are the national numbers
 * (checked as such), `date` is YYYY-MM-DD, `phone` an Indonesian number.
 */
export const FORM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'enum',
  'nik',
  'nib',
  'kbli',
  'npwp',
  'phone',
  'email',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const TIME_LIMIT_UNITS = ['MINUTES', 'HOURS', 'WORKING_DAYS', 'DAYS'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

/** The bounds of a standard, shared by the gateway's schema and the checks here. */
export const SERVICE_STANDARD_LIMITS = {
  name: 200,
  label: 200,
  text: 2000,
  step: 500,
  legalBasis: 500,
  fields: 50,
  documents: 20,
  steps: 30,
  options: 50,
  option: 100,
  /** The longest text a form field may ask for; SubmitApplication bounds every value by it. */
  fieldMaxLength: 1000,
  /** An upload is at most 10 MiB. */
  documentMaxBytes: 10 * 1024 * 1024,
  timeLimitValue: 10_000,
  /** Rp 1 trillion: more than any fee, small enough to be exact in JSON. */
  feeAmount: 1_000_000_000_000,
  /** Bounds of a number field's `min` and `max`. */
  number: 1_000_000_000_000_000,
} as const;

const L = SERVICE_STANDARD_LIMITS;

/** A short text in both languages: a name, a label, an output. */
export class LabelTextV1 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.label)
  id: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.label)
  en: string;
}

/** One step of the procedure, in both languages. */
export class StepTextV1 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.step)
  id: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.step)
  en: string;
}

/** A longer text in both languages: a description, a complaint channel. */
export class LongTextV1 {
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  id: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  en: string;
}

/** A data field of the application form. */
export class FormFieldV1 {
  @IsDefined()
  @IsString()
  @Matches(FORM_FIELD_NAME_PATTERN, { context: { code: 'form_field_name_format' } })
  name: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => LabelTextV1)
  label: LabelTextV1;

  @IsDefined()
  @IsIn(FORM_FIELD_TYPES)
  type: FormFieldType;

  @IsDefined()
  @IsBoolean()
  required: boolean;

  /** For `text`: the longest value accepted. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(L.fieldMaxLength)
  maxLength?: number;

  /** For `number`: the smallest value accepted. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-L.number)
  @Max(L.number)
  min?: number;

  /** For `number`: the largest value accepted. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-L.number)
  @Max(L.number)
  max?: number;

  /** For `enum`: the values accepted. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.options)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(L.option, { each: true })
  options?: string[];
}

/** A document the applicant uploads. */
export class RequiredDocumentV1 {
  @IsDefined()
  @IsString()
  @Matches(DOCUMENT_KIND_PATTERN, { context: { code: 'document_kind_format' } })
  kind: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => LabelTextV1)
  label: LabelTextV1;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DOCUMENT_TYPES.length)
  @ArrayUnique()
  @IsIn(DOCUMENT_TYPES, { each: true })
  allowedTypes: DocumentType[];

  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(L.documentMaxBytes)
  maxBytes: number;

  @IsDefined()
  @IsBoolean()
  mandatory: boolean;
}

export class ServiceRequirementsV1 {
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(L.fields)
  @ValidateNested({ each: true })
  @Type(() => FormFieldV1)
  fields: FormFieldV1[];

  @IsDefined()
  @IsArray()
  @ArrayMaxSize(L.documents)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentV1)
  documents: RequiredDocumentV1[];
}

export class ProcedureV1 {
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.steps)
  @ValidateNested({ each: true })
  @Type(() => StepTextV1)
  steps: StepTextV1[];
}

/** How long the agency takes, from a complete application to the output. */
export class TimeLimitV1 {
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(L.timeLimitValue)
  value: number;

  @IsDefined()
  @IsIn(TIME_LIMIT_UNITS)
  unit: TimeLimitUnit;
}

/** What the applicant pays, in whole rupiah (often nothing), and the rule that says so. */
export class FeeV1 {
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(L.feeAmount)
  amount: number;

  /**
   * True when the amount is assessed per case (a retribusi computed from floor area, say):
   * `amount` is then the least it can be.
   */
  @IsDefined()
  @IsBoolean()
  assessed: boolean;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.legalBasis)
  legalBasis: string;
}

/** Everything an agency states about a service: what it publishes, without the bookkeeping. */
export class ServiceStandardContentV1 {
  /** False withdraws the service from the catalog: no new applications. */
  @IsDefined()
  @IsBoolean()
  active: boolean;

  @IsDefined()
  @ValidateNested()
  @Type(() => LabelTextV1)
  names: LabelTextV1;

  @IsDefined()
  @ValidateNested()
  @Type(() => LongTextV1)
  description: LongTextV1;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  categories: ServiceCategory[];

  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceRequirementsV1)
  requirements: ServiceRequirementsV1;

  @IsDefined()
  @ValidateNested()
  @Type(() => ProcedureV1)
  procedure: ProcedureV1;

  @IsDefined()
  @ValidateNested()
  @Type(() => TimeLimitV1)
  timeLimit: TimeLimitV1;

  @IsDefined()
  @ValidateNested()
  @Type(() => FeeV1)
  fee: FeeV1;

  @IsDefined()
  @ValidateNested()
  @Type(() => LabelTextV1)
  output: LabelTextV1;

  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @IsDefined()
  @ValidateNested()
  @Type(() => LongTextV1)
  complaintChannel: LongTextV1;
}

/** A published standard: the content, whose service and agency it is, and its version. */
export class ServiceStandardV1 extends ServiceStandardContentV1 {
  @IsDefined()
  @IsString()
  @Matches(SERVICE_CODE_PATTERN)
  code: string;

  @IsDefined()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  agencyCode: string;

  /** Grows by one with every publication of the service's standard: followers keep the newest. */
  @IsDefined()
  @IsInt()
  @Min(1)
  version: number;
}

/**
 * An agency published (created or changed) the standard of one of its services. The mall's
 * catalog (intake) keeps the newest version of each.
 */
export class ServiceStandardPublishedV1 extends ServiceStandardV1 {
  @IsDefined()
  @IsISO8601()
  publishedAt: string;
}

export const ServiceStandardPublished = defineEvent<ServiceStandardPublishedV1>({
  subject: 'agency.service-standard.published.v1',
  stream: AGENCY_STREAM,
  payload: ServiceStandardPublishedV1,
  routingKey: (event) => event.agencyCode,
  orderingKey: (event) => event.code,
});
