import { IsDefined, IsIn, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { defineRequest } from '../contract';

/** What may be uploaded, as the bytes say (never the name or the declared type). */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** 10 MiB: the largest document, counted while it streams in. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** An object's name in the documents store: a UUID the gateway draws for each upload. */
export const DOCUMENT_OBJECT_NAME =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The gateway has stored an upload's bytes under `objectName` and asks intake to register it;
 * the owner is the caller (the principal beside the payload). Only facts the gateway measured
 * itself while the bytes streamed: the type their first bytes show, their size and SHA-256.
 */
export class RegisterDocumentV1 {
  @IsDefined()
  @IsString()
  @Matches(DOCUMENT_OBJECT_NAME)
  objectName: string;

  @IsDefined()
  @IsIn(DOCUMENT_CONTENT_TYPES)
  contentType: DocumentContentType;

  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(MAX_DOCUMENT_BYTES)
  size: number;

  /** Lower-case hex. */
  @IsDefined()
  @IsString()
  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

/** A document as its readers see it. Replies are not validated on receipt: a type, not a class. */
export interface DocumentV1 {
  documentId: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The application it is attached to; absent until it is. */
  applicationId?: string;
  /** The requirement it answers on that application (`KTP`, `KK`). */
  requirement?: string;
}

export const RegisterDocument = defineRequest<RegisterDocumentV1, DocumentV1>({
  subject: 'intake.document.register.v1',
  service: 'intake',
  payload: RegisterDocumentV1,
});

/**
 * May the caller read this document, and where are its bytes? Intake answers with the object
 * name, or the 404 of an unknown document to anyone who may not read it.
 */
export class AuthorizeDocumentDownloadV1 {
  @IsDefined()
  @IsUUID()
  documentId: string;
}

export interface DocumentDownloadV1 extends DocumentV1 {
  objectName: string;
}

export const AuthorizeDocumentDownload = defineRequest<
  AuthorizeDocumentDownloadV1,
  DocumentDownloadV1
>({
  subject: 'intake.document.authorize-download.v1',
  service: 'intake',
  payload: AuthorizeDocumentDownloadV1,
});
