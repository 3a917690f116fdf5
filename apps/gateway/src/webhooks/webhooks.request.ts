import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  AGENCY_WEBHOOK_EVENT_TYPES,
  CLIENT_WEBHOOK_EVENT_TYPES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_URL_MAX_LENGTH,
  type WebhookDeliveryStatusV1,
} from '@satupintu/contracts';

export const WEBHOOK_PAGES = { pageSize: 100, defaultPageSize: 20, cursor: 200 } as const;
const CURSOR = `^[A-Za-z0-9_-]{1,${WEBHOOK_PAGES.cursor}}$`;

export class CreateWebhookSubscriptionRequest {
  @ApiProperty({
    description:
      'Where to POST the events: `https://` without user name or password. In production no ' +
      'loopback, private or link-local address (nor `localhost`) is accepted.',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    example: 'https://simduk.dukcapil.go.id/satupintu/webhooks',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url: string;

  @ApiPropertyOptional({
    description: 'The event types to receive; none or empty: all of them',
    type: [String],
    maxItems: AGENCY_WEBHOOK_EVENT_TYPES.length,
    items: { type: 'string', enum: [...AGENCY_WEBHOOK_EVENT_TYPES] },
    example: ['agency.application.status-changed.v1'],
  })
  // Both routes validate with this class; the service answering checks its own types again.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENCY_WEBHOOK_EVENT_TYPES.length + CLIENT_WEBHOOK_EVENT_TYPES.length)
  @IsIn([...AGENCY_WEBHOOK_EVENT_TYPES, ...CLIENT_WEBHOOK_EVENT_TYPES], { each: true })
  eventTypes?: string[];
}

/** The body of an API client's subscription, as documented: its own event types. */
export class CreateClientWebhookSubscriptionRequest extends OmitType(
  CreateWebhookSubscriptionRequest,
  ['eventTypes'] as const,
) {
  @ApiPropertyOptional({
    description: 'The event types to receive; none or empty: all of them',
    type: [String],
    maxItems: CLIENT_WEBHOOK_EVENT_TYPES.length,
    items: { type: 'string', enum: [...CLIENT_WEBHOOK_EVENT_TYPES] },
    example: ['tracking.application.status-changed.v1'],
  })
  eventTypes?: string[];
}

export class UpdateWebhookSubscriptionRequest {
  @ApiProperty({
    description:
      'false: nothing more is enqueued or sent for it (what is pending waits); true: it receives ' +
      'again, and what waited goes out',
    example: false,
  })
  @IsBoolean()
  enabled: boolean;
}

export class PageRequest {
  @ApiPropertyOptional({
    description: 'Items per page',
    minimum: 1,
    maximum: WEBHOOK_PAGES.pageSize,
    default: WEBHOOK_PAGES.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(WEBHOOK_PAGES.pageSize)
  limit?: number;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    maxLength: WEBHOOK_PAGES.cursor,
    pattern: CURSOR,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(CURSOR))
  cursor?: string;
}

export class DeliveriesRequest extends PageRequest {
  @ApiPropertyOptional({
    description: 'Only deliveries in this state',
    enum: WEBHOOK_DELIVERY_STATUSES,
    example: 'dead',
  })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatusV1;
}

const INSTANT = {
  type: String,
  format: 'date-time',
  maxLength: 40,
} as const;

export class ReplayRangeRequest {
  @ApiProperty({ ...INSTANT, description: 'From (inclusive)', example: '2026-12-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  from: string;

  @ApiProperty({ ...INSTANT, description: 'To (exclusive)', example: '2026-12-02T00:00:00Z' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  to: string;

  @ApiPropertyOptional({ description: 'Only the deliveries that are dead', example: true })
  @IsOptional()
  @IsBoolean()
  onlyDead?: boolean;
}

export const pageOf = (query: PageRequest) => ({
  limit: query.limit ?? WEBHOOK_PAGES.defaultPageSize,
  ...(query.cursor ? { cursor: query.cursor } : {}),
});
