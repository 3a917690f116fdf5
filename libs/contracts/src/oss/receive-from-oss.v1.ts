import { PageCursorV1 } from '../paging';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { defineRequest } from '../contract';

/** The PIA methods OSS calls on the mall that SatuPintu hosts (`/v1/oss/{method}`). */
export const OSS_INBOUND_METHODS = ['receiveNIB', 'receiveFileDS'] as const;
export type OssInboundMethod = (typeof OSS_INBOUND_METHODS)[number];

/**
 * A call OSS made on the gateway, passed on as it came: the PIA's `Token` header and the parsed
 * JSON body. The oss service checks both, because it holds the credentials the token is made
 * of and knows the PIA's shapes; the gateway only carries them.
 */
export class ReceiveFromOssV1 {
  @IsDefined()
  @IsIn(OSS_INBOUND_METHODS)
  method: OssInboundMethod;

  /** The `Token` header as sent; absent when OSS sent none. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  token?: string;

  /** The body as parsed JSON; its shape is the PIA's and is checked by the oss service. */
  @IsDefined()
  body: unknown;
}

/** The PIA's own reply: `{"respon<method>": {"status": "1"|"2", "keterangan": "…"}}`. */
export interface PiaReplyBodyV1 {
  status: '1' | '2';
  keterangan: string;
}

/** What the gateway answers OSS: the HTTP status the PIA lists and the PIA's reply body. */
export interface PiaReplyV1 {
  httpStatus: 200 | 400 | 401 | 404;
  body: Record<string, PiaReplyBodyV1>;
}

export const ReceiveFromOss = defineRequest<ReceiveFromOssV1, PiaReplyV1>({
  subject: 'oss.inbound.receive.v1',
  service: 'oss',
  payload: ReceiveFromOssV1,
});

/** A mall admin's list of the OSS permits no catalog service is mapped to, oldest first. */
export class ListUnmappedPermitsV1 {
  @PageCursorV1()
  cursor?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** One checklist permit OSS sent that the permit map knows no service for. */
export interface UnmappedPermitV1 {
  nib: string;
  idIzin: string;
  kdIzin?: string;
  kbli?: string;
  idProyek?: string;
  namaIzin?: string;
  instansi?: string;
  /** ISO 8601. */
  receivedAt: string;
}

export interface UnmappedPermitsPageV1 {
  items: UnmappedPermitV1[];
  nextCursor?: string;
}

export const ListUnmappedPermits = defineRequest<ListUnmappedPermitsV1, UnmappedPermitsPageV1>({
  subject: 'oss.permit.list-unmapped.v1',
  service: 'oss',
  payload: ListUnmappedPermitsV1,
});
