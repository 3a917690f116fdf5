import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  AttachOssFile,
  AttachOssFileV1,
  OSS_CONNECTOR_CLIENT_ID,
  OSS_FILE_REQUIREMENT,
  AuthorizeDocumentDownload,
  AuthorizeDocumentDownloadV1,
  RegisterDocument,
  RegisterDocumentV1,
  type DocumentDownloadV1,
  type DocumentV1,
  type OssFileAttachedV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, IdempotencyKeys, UnitOfWork } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { authorizeDocumentDownload, registerDocument, uploaderOf } from './document-requests';
import { DocumentsRepository } from './documents.repository';

@Controller()
export class DocumentsHandlers {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly idempotency: IdempotencyKeys,
    private readonly work: UnitOfWork,
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

  /**
   * A signed permit file OSS delivered, which the OSS connector stored: registered as its
   * client's and attached to the application it opened for the permit (ADR 0035). Only the
   * connector may; a number it submitted nothing under is the 404 of any unknown application.
   */
  @HandleRequest(AttachOssFile)
  async attachOssFile(
    @Payload() input: AttachOssFileV1,
    @Caller() caller: RequestContext,
  ): Promise<OssFileAttachedV1> {
    const { principal } = caller;
    if (principal.kind !== 'client' || principal.clientId !== OSS_CONNECTOR_CLIENT_ID)
      throw new DomainError('forbidden', 403, [], { resource: 'documents' });
    const { trackingNo, ...stored } = input;
    const attached = await this.work.run((tx) =>
      DocumentsRepository.attachOssFile(tx, {
        ...stored,
        trackingNo,
        owner: uploaderOf(principal),
        requirement: OSS_FILE_REQUIREMENT,
      }),
    );
    if (!attached) throw new DomainError('application_not_found', 404, [], { trackingNo });
    return { document: attached.document, replayed: !attached.added };
  }
}
