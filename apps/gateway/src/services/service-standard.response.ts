import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  SERVICE_CATEGORIES,
  SERVICE_CODE_PATTERN,
  serviceSummaryOf,
  type Channel,
  type ServiceCategory,
  type ServiceStandardV1,
  type ServicesPageV1,
} from '@satupintu/contracts';
import { DEMO_SERVICES } from '@satupintu/demo';
import { AGENCY_CODE } from '../openapi/formats';
import {
  Fee,
  LabelText,
  LongText,
  ServiceStandardRequest,
  TimeLimit,
  copyStandard,
} from './service-standard.request';

export const SERVICES_LIMITS = { pageSize: 100, defaultPageSize: 20, cursor: 200 } as const;

const SERVICE_CODE = {
  type: String,
  maxLength: 48,
  pattern: SERVICE_CODE_PATTERN.source,
  example: 'DUKCAPIL-AKTA-LAHIR',
} as const;

const VERSION = {
  description: 'Grows by one with every publication of this service’s standard',
  minimum: 0,
  maximum: 2147483647,
  example: 1,
} as const;

/** A published standard: what its agency states, whose it is, and its version. */
export class ServiceStandardResponse extends ServiceStandardRequest {
  @ApiProperty({ ...SERVICE_CODE })
  code: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({ ...VERSION })
  version: number;
}

/** What a list shows of a service: enough to choose it. */
export class ServiceSummaryResponse {
  @ApiProperty({ ...SERVICE_CODE })
  code: string;

  @ApiProperty({ ...AGENCY_CODE, description: 'The agency that owns the service' })
  agencyCode: string;

  @ApiProperty({ type: LabelText })
  names: LabelText;

  @ApiProperty({ type: LongText })
  description: LongText;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...SERVICE_CATEGORIES] },
    maxItems: SERVICE_CATEGORIES.length,
  })
  categories: ServiceCategory[];

  @ApiProperty({ type: TimeLimit })
  timeLimit: TimeLimit;

  @ApiProperty({ type: Fee })
  fee: Fee;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...CHANNELS] },
    maxItems: CHANNELS.length,
  })
  channels: Channel[];

  @ApiProperty({ ...VERSION })
  version: number;
}

export class ServicesPageResponse {
  @ApiProperty({
    type: [ServiceSummaryResponse],
    description: 'By service code',
    maxItems: SERVICES_LIMITS.pageSize,
  })
  items: ServiceSummaryResponse[];

  @ApiPropertyOptional({
    description: 'Present when there are more services: pass it as `cursor` for the next page',
    maxLength: SERVICES_LIMITS.cursor,
    pattern: `^[A-Za-z0-9_-]{1,${SERVICES_LIMITS.cursor}}$`,
  })
  nextCursor?: string;
}

export function toServiceStandardResponse(standard: ServiceStandardV1): ServiceStandardResponse {
  return {
    code: standard.code,
    agencyCode: standard.agencyCode,
    version: standard.version,
    ...copyStandard(standard),
  };
}

export function toServicesPageResponse(page: ServicesPageV1): ServicesPageResponse {
  return {
    items: page.items.slice(0, SERVICES_LIMITS.pageSize).map((item) => ({
      code: item.code,
      agencyCode: item.agencyCode,
      names: { id: item.names.id, en: item.names.en },
      description: { id: item.description.id, en: item.description.en },
      categories: [...item.categories],
      timeLimit: { value: item.timeLimit.value, unit: item.timeLimit.unit },
      fee: {
        amount: item.fee.amount,
        assessed: item.fee.assessed,
        legalBasis: item.fee.legalBasis,
      },
      channels: [...item.channels],
      version: item.version,
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

const demo = (code: string) => {
  const service = DEMO_SERVICES.find((candidate) => candidate.code === code);
  if (!service) throw new Error(`no demo service ${code}`);
  const { agencyCode, code: _code, ...content } = service;
  return { code, agencyCode, version: 1, ...copyStandard(content) };
};

/** Examples from the demo catalog: what `npm start` serves. */
export const BIRTH_CERTIFICATE_EXAMPLE: ServiceStandardResponse = demo('DUKCAPIL-AKTA-LAHIR');

export const SERVICES_PAGE_EXAMPLE: ServicesPageResponse = toServicesPageResponse({
  items: [demo('DUKCAPIL-AKTA-LAHIR'), demo('DUKCAPIL-KK')].map(serviceSummaryOf),
  nextCursor: 'WyJEVUtDQVBJTC1LSyJd',
});
