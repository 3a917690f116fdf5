import { ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError } from '@satupintu/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** The largest sequence an entry can have (tracking keeps it in an `integer`). */
export const MAX_EVENT_ID = 2_147_483_647;

/** `<trackingNo>.<expires>.<signature>`, as the public lookup hands it out (tracking checks it). */
const LOOKUP_TOKEN = /^[0-9A-Z]{9}\.\d{10}\.[A-Za-z0-9_-]{43}$/;

/** For clients that cannot send the `Last-Event-ID` header (a browser's `EventSource` on a first open). */
export class LastEventIdQuery {
  @ApiPropertyOptional({
    description:
      'The `id` of the last event the client has, for clients that cannot send the ' +
      '`Last-Event-ID` header (which wins when both are sent)',
    minimum: 0,
    maximum: MAX_EVENT_ID,
    example: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_EVENT_ID)
  lastEventId?: number;
}

export class LiveEventsRequest extends LastEventIdQuery {
  @ApiPropertyOptional({
    description:
      'What the public lookup gave after the right second factor, in place of a sign-in (a browser’s ' +
      '`EventSource` cannot send headers). Its holder sees only the public fields of each entry: no ' +
      'reason, no payment. Valid for 15 minutes; the stream ends when it expires.',
    maxLength: 64,
    pattern: LOOKUP_TOKEN.source,
    example: 'K7M39QX2C.1795412112.3q2-7wEGNfR0XWjI5o9yQj2r1cD8bXh0lqvU9fPz4mE',
  })
  @IsOptional()
  @IsString()
  @Matches(LOOKUP_TOKEN)
  lookupToken?: string;
}

/** The header an EventSource sends on reconnecting; a 400 if it is not an event id of ours. */
export function lastEventIdFrom(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(id <= MAX_EVENT_ID))
    throw DomainError.validation([
      {
        field: 'Last-Event-ID',
        code: 'must_be_integer_between',
        params: { min: 0, max: MAX_EVENT_ID },
      },
    ]);
  return id;
}
