import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { RequestContext } from '@satupintu/common';
import {
  AuthorizeDocumentDownload,
  AuthorizeDocumentDownloadV1,
  RegisterDocument,
  RegisterDocumentV1,
  type DocumentDownloadV1,
  type DocumentV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { authorizeDocumentDownload, registerDocument } from './document-requests';
import { DocumentsRepository } from './documents.repository';

@Controller()
export class DocumentsHandlers {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  /**
   * Under an `Idempotency-Key`, a retried upload is the same upload when its bytes are: the
   * fingerprint is their type, size and SHA-256, never the object name, which is new on every
   * attempt. A replay answers the first document; the gateway removes the duplicate's bytes.
   */
  @HandleRequest(RegisterDocument)
  register(
    @Payload() input: RegisterDocumentV1,
    @Caller() caller: RequestContext,
  ): Promise<DocumentV1> {
    const { contentType, size, sha256 } = input;
    return this.idempotency.runInTransaction(
      caller,
      RegisterDocument.subject,
      { contentType, size, sha256 },
      (tx) =>
        registerDocument(caller.principal, input, {
          add: (document) => this.documents.add(document, tx),
          newId: randomUUID,
        }),
    );
  }

  @HandleRequest(AuthorizeDocumentDownload)
  authorizeDownload(
    @Payload() input: AuthorizeDocumentDownloadV1,
    @Caller() caller: RequestContext,
  ): Promise<DocumentDownloadV1> {
    return authorizeDocumentDownload(caller.principal, input, {
      find: (documentId) => this.documents.find(documentId),
    });
  }
}
