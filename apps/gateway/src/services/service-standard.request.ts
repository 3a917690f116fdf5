import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  DOCUMENT_KIND_PATTERN,
  DOCUMENT_TYPES,
  FORM_FIELD_NAME_PATTERN,
  FORM_FIELD_TYPES,
  SERVICE_CATEGORIES,
  SERVICE_STANDARD_LIMITS as L,
  TIME_LIMIT_UNITS,
  type Channel,
  type DocumentType,
  type FormFieldType,
  type PublishServiceStandardV1,
  type ServiceCategory,
  type TimeLimitUnit,
} from '@satupintu/contracts';
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

// The validators are those of PublishServiceStandardV1, which the agency checks again on
// receipt; the classes also describe the standard in answers (ServiceStandardResponse).

export class LabelText {
  @ApiProperty({
    description: 'In Indonesian',
    minLength: 1,
    maxLength: L.label,
    example: 'Nama anak',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.label)
  id: string;

  @ApiProperty({
    description: 'In English',
    minLength: 1,
    maxLength: L.label,
    example: "Child's name",
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.label)
  en: string;
}

export class StepText {
  @ApiProperty({
    description: 'In Indonesian',
    minLength: 1,
    maxLength: L.step,
    example: 'Petugas memverifikasi dan mencatat kelahiran di SIAK.',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.step)
  id: string;

  @ApiProperty({
    description: 'In English',
    minLength: 1,
    maxLength: L.step,
    example: 'An officer verifies the birth and records it in SIAK.',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.step)
  en: string;
}

export class LongText {
  @ApiProperty({ description: 'In Indonesian', minLength: 1, maxLength: L.text })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  id: string;

  @ApiProperty({ description: 'In English', minLength: 1, maxLength: L.text })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  en: string;
}

export class FormField {
  @ApiProperty({
    description: 'The key of this field in an application’s `form`',
    pattern: FORM_FIELD_NAME_PATTERN.source,
    maxLength: 48,
    example: 'motherNik',
  })
  @IsDefined()
  @IsString()
  @Matches(FORM_FIELD_NAME_PATTERN, { context: { code: 'form_field_name_format' } })
  name: string;

  @ApiProperty({ type: LabelText })
  @IsDefined()
  @ValidateNested()
  @Type(() => LabelText)
  label: LabelText;

  @ApiProperty({
    enum: FORM_FIELD_TYPES,
    enumName: 'FormFieldType',
    description:
      'What the value is: `text`, `number`, `date` (YYYY-MM-DD), `boolean`, `enum` (one of `options`), ' +
      '`nik` (a NIK that can exist), `nib` (13 digits), `kbli` (5 digits), `npwp` (15 or 16 digits), ' +
      '`phone` (+62… or 08…), `email`',
    example: 'nik',
  })
  @IsDefined()
  @IsIn(FORM_FIELD_TYPES)
  type: FormFieldType;

  @ApiProperty({ description: 'Whether an application’s form must give it', example: true })
  @IsDefined()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({
    description: 'For `text` only: the longest value (default 1000)',
    minimum: 1,
    maximum: L.fieldMaxLength,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(L.fieldMaxLength)
  maxLength?: number;

  @ApiPropertyOptional({
    description: 'For `number` only: the smallest value',
    minimum: -L.number,
    maximum: L.number,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-L.number)
  @Max(L.number)
  min?: number;

  @ApiPropertyOptional({
    description: 'For `number` only: the largest value',
    minimum: -L.number,
    maximum: L.number,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-L.number)
  @Max(L.number)
  max?: number;

  @ApiPropertyOptional({
    description: 'For `enum` only (and required there): the values accepted',
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: L.option },
    minItems: 1,
    maxItems: L.options,
    uniqueItems: true,
  })
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

export class RequiredDocument {
  @ApiProperty({
    description: 'What the document is, unique within the standard',
    pattern: DOCUMENT_KIND_PATTERN.source,
    maxLength: 48,
    example: 'SURAT_KETERANGAN_LAHIR',
  })
  @IsDefined()
  @IsString()
  @Matches(DOCUMENT_KIND_PATTERN, { context: { code: 'document_kind_format' } })
  kind: string;

  @ApiProperty({ type: LabelText })
  @IsDefined()
  @ValidateNested()
  @Type(() => LabelText)
  label: LabelText;

  @ApiProperty({
    description: 'The file types accepted, as their bytes show them',
    type: 'array',
    items: { type: 'string', enum: [...DOCUMENT_TYPES] },
    minItems: 1,
    maxItems: DOCUMENT_TYPES.length,
    uniqueItems: true,
    example: ['application/pdf', 'image/jpeg', 'image/png'],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DOCUMENT_TYPES.length)
  @ArrayUnique()
  @IsIn(DOCUMENT_TYPES, { each: true })
  allowedTypes: DocumentType[];

  @ApiProperty({
    description: 'The largest file accepted, in bytes (at most 10 MiB)',
    minimum: 1,
    maximum: L.documentMaxBytes,
    example: 2097152,
  })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(L.documentMaxBytes)
  maxBytes: number;

  @ApiProperty({ description: 'Whether every application must include it', example: true })
  @IsDefined()
  @IsBoolean()
  mandatory: boolean;
}

export class ServiceRequirements {
  @ApiProperty({
    type: [FormField],
    maxItems: L.fields,
    description: 'The data fields of the form',
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(L.fields)
  @ValidateNested({ each: true })
  @Type(() => FormField)
  fields: FormField[];

  @ApiProperty({
    type: [RequiredDocument],
    maxItems: L.documents,
    description: 'The documents to upload',
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(L.documents)
  @ValidateNested({ each: true })
  @Type(() => RequiredDocument)
  documents: RequiredDocument[];
}

export class Procedure {
  @ApiProperty({ type: [StepText], minItems: 1, maxItems: L.steps, description: 'In order' })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.steps)
  @ValidateNested({ each: true })
  @Type(() => StepText)
  steps: StepText[];
}

export class TimeLimit {
  @ApiProperty({ minimum: 1, maximum: L.timeLimitValue, example: 1 })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(L.timeLimitValue)
  value: number;

  @ApiProperty({ enum: TIME_LIMIT_UNITS, enumName: 'TimeLimitUnit', example: 'WORKING_DAYS' })
  @IsDefined()
  @IsIn(TIME_LIMIT_UNITS)
  unit: TimeLimitUnit;
}

export class Fee {
  @ApiProperty({
    description: 'In whole rupiah; often 0. When `assessed`, the least it can be',
    minimum: 0,
    maximum: L.feeAmount,
    example: 0,
  })
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(L.feeAmount)
  amount: number;

  @ApiProperty({
    description: 'True when the agency assesses the fee per case (a retribusi by floor area, say)',
    example: false,
  })
  @IsDefined()
  @IsBoolean()
  assessed: boolean;

  @ApiProperty({
    description: 'The rule that sets the fee (or says there is none)',
    minLength: 1,
    maxLength: L.legalBasis,
    example: 'UU No. 23 Tahun 2006 jo. UU No. 24 Tahun 2013, Pasal 79A',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.legalBasis)
  legalBasis: string;
}

/** The standard an agency publishes for one service (after PermenPANRB 15/2014). */
export class ServiceStandardRequest {
  @ApiProperty({ description: 'False withdraws the service from the catalog', example: true })
  @IsDefined()
  @IsBoolean()
  active: boolean;

  @ApiProperty({ type: LabelText, description: 'The name of the service' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LabelText)
  names: LabelText;

  @ApiProperty({ type: LongText })
  @IsDefined()
  @ValidateNested()
  @Type(() => LongText)
  description: LongText;

  @ApiProperty({
    description: 'The life events and sectors to find the service by',
    type: 'array',
    items: { type: 'string', enum: [...SERVICE_CATEGORIES] },
    minItems: 1,
    maxItems: SERVICE_CATEGORIES.length,
    uniqueItems: true,
    example: ['BIRTH', 'FAMILY'],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(SERVICE_CATEGORIES, { each: true })
  categories: ServiceCategory[];

  @ApiProperty({ type: ServiceRequirements })
  @IsDefined()
  @ValidateNested()
  @Type(() => ServiceRequirements)
  requirements: ServiceRequirements;

  @ApiProperty({ type: Procedure })
  @IsDefined()
  @ValidateNested()
  @Type(() => Procedure)
  procedure: Procedure;

  @ApiProperty({ type: TimeLimit, description: 'From a complete application to the output' })
  @IsDefined()
  @ValidateNested()
  @Type(() => TimeLimit)
  timeLimit: TimeLimit;

  @ApiProperty({ type: Fee })
  @IsDefined()
  @ValidateNested()
  @Type(() => Fee)
  fee: Fee;

  @ApiProperty({ type: LabelText, description: 'What the applicant receives' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LabelText)
  output: LabelText;

  @ApiProperty({
    description: 'The channels the service takes applications through',
    type: 'array',
    items: { type: 'string', enum: [...CHANNELS] },
    minItems: 1,
    maxItems: CHANNELS.length,
    uniqueItems: true,
    example: ['WEB', 'COUNTER'],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: Channel[];

  @ApiProperty({ type: LongText, description: 'Where to complain about the service' })
  @IsDefined()
  @ValidateNested()
  @Type(() => LongText)
  complaintChannel: LongText;
}

const text = (value: { id: string; en: string }) => ({ id: value.id, en: value.en });

/** The message to the agency, written out field by field so the body and it can change apart. */
export function toPublishServiceStandardV1(
  code: string,
  body: ServiceStandardRequest,
): PublishServiceStandardV1 {
  return { code, ...copyStandard(body) };
}

/** A field-by-field copy of a standard's content (both ways: requests and answers). */
export function copyStandard(body: Omit<PublishServiceStandardV1, 'code'>): ServiceStandardRequest {
  return {
    active: body.active,
    names: text(body.names),
    description: text(body.description),
    categories: [...body.categories],
    requirements: {
      fields: body.requirements.fields.map((field) => ({
        name: field.name,
        label: text(field.label),
        type: field.type,
        required: field.required,
        ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
        ...(field.min === undefined ? {} : { min: field.min }),
        ...(field.max === undefined ? {} : { max: field.max }),
        ...(field.options === undefined ? {} : { options: [...field.options] }),
      })),
      documents: body.requirements.documents.map((document) => ({
        kind: document.kind,
        label: text(document.label),
        allowedTypes: [...document.allowedTypes],
        maxBytes: document.maxBytes,
        mandatory: document.mandatory,
      })),
    },
    procedure: { steps: body.procedure.steps.map(text) },
    timeLimit: { value: body.timeLimit.value, unit: body.timeLimit.unit },
    fee: { amount: body.fee.amount, assessed: body.fee.assessed, legalBasis: body.fee.legalBasis },
    output: text(body.output),
    channels: [...body.channels],
    complaintChannel: text(body.complaintChannel),
  };
}
