import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '../contract';
import { IDENTITY_STREAM } from './identity.stream';

export const AGENCY_TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type AgencyTimeZone = (typeof AGENCY_TIME_ZONES)[number];

/**
 * An agency was added or changed. Identity owns the record (a mall admin manages it); intake's
 * catalog follows it. `version` grows with every change, so a follower keeps the newest.
 */
export class AgencyChangedV1 {
  @IsString()
  @Matches(/^[A-Z0-9-]{2,32}$/)
  code: string;

  @IsString()
  @MaxLength(200)
  name: string;

  @IsIn(AGENCY_TIME_ZONES)
  timeZone: AgencyTimeZone;

  @IsBoolean()
  active: boolean;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  changedAt: string;
}

export const AgencyChanged = defineEvent<AgencyChangedV1>({
  subject: 'identity.agency.changed.v1',
  stream: IDENTITY_STREAM,
  payload: AgencyChangedV1,
  routingKey: (event) => event.code,
  orderingKey: (event) => event.code,
});
