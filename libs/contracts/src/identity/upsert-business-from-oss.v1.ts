import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineRequest } from '../contract';
import { RegisterBusinessV1 } from './register-business.v1';

/** The API client the OSS connector speaks as (only it may ask for an upsert from OSS). */
export const OSS_CONNECTOR_CLIENT_ID = 'oss-connector';

/** The person OSS names responsible for the business by KTP: the business's owner. */
export class OssBusinessOwnerV1 {
  @IsDefined()
  @IsString()
  @Matches(/^\d{16}$/, { context: { code: 'nik_format' } })
  nik: string;

  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

/**
 * The OSS connector hands identity a business as OSS's receiveNIB describes it (once-only data:
 * identity keeps it, every service follows its profile events). Idempotent by NIB: the first
 * call creates the business, a later one changes only what differs (no new version, no event,
 * when nothing does). The owner becomes the business's OWNER when they have an account; until
 * then identity keeps them as the business's pending owner, who becomes its OWNER on
 * registering with that NIK. The business's fields are a registration's.
 */
export class UpsertBusinessFromOssV1 extends RegisterBusinessV1 {
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OssBusinessOwnerV1)
  owner: OssBusinessOwnerV1;
}

/** What became of it: ids only (the connector keeps no more of identity's records). */
export interface OssBusinessUpsertedV1 {
  businessId: string;
  version: number;
  created: boolean;
  /** The business or its members changed (a new version was published). */
  changed: boolean;
  /** The owner's applicant id, once they have an account; absent while their ownership is pending. */
  ownerId?: string;
}

export const UpsertBusinessFromOss = defineRequest<UpsertBusinessFromOssV1, OssBusinessUpsertedV1>({
  subject: 'identity.business.upsert-from-oss.v1',
  service: 'identity',
  payload: UpsertBusinessFromOssV1,
});
