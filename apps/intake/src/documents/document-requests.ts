import { DomainError } from '@satupintu/common';
import type {
  AuthorizeDocumentDownloadV1,
  DocumentDownloadV1,
  DocumentV1,
  Principal,
  RegisterDocumentV1,
} from '@satupintu/contracts';
import { submitterOf } from '../applications/submit-application';
import { mayReadDocument, type DocumentOwner } from './document-access';
import type { NewDocument, StoredDocument } from './documents.repository';

/**
 * Who may upload: exactly those who may submit an application (an applicant, a front-desk
 * officer at the counter, an API client with `applications:submit`), since a document exists
 * to be attached to one; the uploader owns it as the submitter it would be.
 */
export function uploaderOf(principal: Principal): DocumentOwner {
  return submitterOf(principal);
}

export interface RegisterDocumentPorts {
  add(document: NewDocument): Promise<Date>;
  newId(): string;
}

/** Registers bytes the gateway has stored, as the caller's document, attached to nothing yet. */
export async function registerDocument(
  principal: Principal,
  input: RegisterDocumentV1,
  ports: RegisterDocumentPorts,
): Promise<DocumentV1> {
  const owner = uploaderOf(principal);
  const documentId = ports.newId();
  const createdAt = await ports.add({ documentId, owner, ...input });
  return {
    documentId,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    createdAt: createdAt.toISOString(),
  };
}

export interface AuthorizeDocumentDownloadPorts {
  find(documentId: string): Promise<StoredDocument | undefined>;
}

/**
 * Where a document's bytes are, for a caller who may read it (`mayReadDocument`). Anyone else,
 * signed in, gets exactly the 404 of a document that does not exist; an anonymous caller a 401.
 */
export async function authorizeDocumentDownload(
  principal: Principal,
  input: AuthorizeDocumentDownloadV1,
  ports: AuthorizeDocumentDownloadPorts,
): Promise<DocumentDownloadV1> {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'documents' });
  const document = await ports.find(input.documentId);
  if (!document || !mayReadDocument(principal, document))
    throw new DomainError('document_not_found', 404, [], { documentId: input.documentId });
  return {
    documentId: document.documentId,
    contentType: document.contentType,
    size: document.size,
    sha256: document.sha256,
    createdAt: document.createdAt,
    objectName: document.objectName,
    ...(document.applicationId
      ? { applicationId: document.applicationId, requirement: document.requirement }
      : {}),
  };
}
