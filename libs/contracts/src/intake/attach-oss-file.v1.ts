import { IsDefined, IsString, IsUUID, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import { RegisterDocumentV1, type DocumentV1 } from './documents.v1';

/** The requirement a signed permit file from OSS answers on its application. */
export const OSS_FILE_REQUIREMENT = 'OSS_FILE_DS';

/**
 * The OSS connector has stored a signed permit file OSS delivered (receiveFileDS) under
 * `objectName` and asks intake to register it and attach it, in one transaction, to the
 * application the permit opened (by its tracking number; an application the connector itself
 * submitted). `documentId` is the connector's, the same for every attempt at the same file:
 * a second call with it registers nothing and answers the first document (`replayed`), whose
 * bytes are under the first object name. Only the OSS connector's client may ask (ADR 0035).
 */
export class AttachOssFileV1 extends RegisterDocumentV1 {
  @IsDefined()
  @IsUUID()
  documentId: string;

  @IsDefined()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{9}$/)
  trackingNo: string;
}

export interface OssFileAttachedV1 {
  document: DocumentV1;
  /** The document was registered by an earlier call: this call's object is not it. */
  replayed: boolean;
}

export const AttachOssFile = defineRequest<AttachOssFileV1, OssFileAttachedV1>({
  subject: 'intake.document.attach-oss-file.v1',
  service: 'intake',
  payload: AttachOssFileV1,
});
