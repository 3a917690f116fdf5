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
import { Caller, HandleRequest } from '@satupintu/messaging';
import { randomUUID } from 'node:crypto';
import { authorizeDocumentDownload, registerDocument } from './document-requests';
import { DocumentsRepository } from './documents.repository';

@Controller()
export class DocumentsHandlers {
  constructor(private readonly documents: DocumentsRepository) {}

  @HandleRequest(RegisterDocument)
  register(
    @Payload() input: RegisterDocumentV1,
    @Caller() caller: RequestContext,
  ): Promise<DocumentV1> {
    return registerDocument(caller.principal, input, {
      add: (document) => this.documents.add(document),
      newId: randomUUID,
    });
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
