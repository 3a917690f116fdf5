import '@fastify/multipart';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError, currentContext } from '@satupintu/common';
import {
  AuthorizeDocumentDownload,
  MAX_DOCUMENT_BYTES,
  RegisterDocument,
} from '@satupintu/contracts';
import { RpcClient, uploadDocument, type DocumentStore } from '@satupintu/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Callers, type CallerRule } from '../auth/access';
import {
  ApiIdempotencyKey,
  REPLAYED_HEADERS,
  invalidIdempotencyKeyExample,
} from '../idempotency/idempotency.openapi';
import { ApiProblemResponse, ApiUpstreamProblems } from '../openapi/problem.responses';
import { securityOf } from '../openapi/security';
import { DocumentResponse, downloadHeaders, toDocumentResponse } from './document.response';

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');

/** Who may upload: those who may submit the application a document is for. */
export const UPLOADERS = {
  applicant: true,
  officer: ['FRONT_DESK'],
  client: ['applications:submit'],
} as const satisfies CallerRule;

/**
 * Who may ask for a document at all: anyone signed in. Intake decides who may read each (its
 * uploader, its application's applicant, the owning agency's officers and system) and answers
 * the others as for an unknown document.
 */
export const DOCUMENT_READERS = {
  applicant: true,
  officer: true,
  client: true,
} as const satisfies CallerRule;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOCUMENT_EXAMPLE: DocumentResponse = {
  documentId: '3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80',
  contentType: 'application/pdf',
  size: 482133,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  createdAt: '2026-11-23T03:45:12.123Z',
};
const DOCUMENT_ID_PARAM = {
  name: 'documentId',
  description: 'The id `POST /v1/documents` answered',
  schema: { type: 'string' as const, format: 'uuid', maxLength: 36 },
  example: DOCUMENT_EXAMPLE.documentId,
};
const NOT_FOUND_EXAMPLE = {
  notFound: {
    summary: 'Unknown, or not the caller’s to read',
    error: new DomainError('document_not_found', 404, [], {
      documentId: DOCUMENT_EXAMPLE.documentId,
    }),
    instance: `/v1/documents/${DOCUMENT_EXAMPLE.documentId}`,
  },
};

@ApiTags('documents')
@Controller('v1/documents')
export class DocumentsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
  ) {}

  @Post()
  @Callers(UPLOADERS)
  @HttpCode(201)
  @ApiOperation({
    operationId: 'uploadDocument',
    summary: 'Upload a document',
    description:
      'One file (PDF, JPEG or PNG, at most 10 MiB) in the `file` field of a `multipart/form-data` ' +
      'body. Its type is read from its bytes, never from its name or declared type: anything else ' +
      'is a 415. The size is counted while it arrives: the first byte over 10 MiB ends the upload ' +
      'with a 413 and the connection is closed, without reading the rest. The answer names the ' +
      'document by an id, to attach in `documents` of `POST /v1/applications`. A document attached ' +
      'to no application within 24 hours is removed, as is anything a failed upload stored. ' +
      'With an `Idempotency-Key`, a retry of the same file answers the first document and keeps ' +
      'no second copy; another file under the same key is a 422.',
    security: securityOf(UPLOADERS),
  })
  @ApiIdempotencyKey('/v1/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          maxLength: MAX_DOCUMENT_BYTES,
          description: 'The document: PDF, JPEG or PNG, at most 10 MiB (10,485,760 bytes)',
        },
      },
    },
    examples: {
      pdf: { summary: 'A scanned KTP as PDF', value: { file: '(the bytes of ktp.pdf)' } },
    },
  })
  @ApiResponse({
    status: 201,
    description: 'Stored: the id to attach it by, its detected type, its size and SHA-256',
    type: DocumentResponse,
    examples: { pdf: { summary: 'A PDF of 471 KiB', value: DOCUMENT_EXAMPLE } },
    headers: REPLAYED_HEADERS,
  })
  @ApiProblemResponse(400, 'No file in the body, or the upload was cut off', {
    missing: {
      summary: 'A form without a file',
      error: new DomainError('document_missing', 400),
      instance: '/v1/documents',
    },
    aborted: {
      summary: 'The client went away mid-upload',
      error: new DomainError('upload_aborted', 400),
      instance: '/v1/documents',
    },
    ...invalidIdempotencyKeyExample('/v1/documents'),
  })
  @ApiProblemResponse(413, 'The file is larger than 10 MiB; refused as soon as that is known', {
    tooLarge: {
      summary: 'A file over 10 MiB',
      error: new DomainError('document_too_large', 413, [], { limit: MAX_DOCUMENT_BYTES }),
      instance: '/v1/documents',
    },
  })
  @ApiProblemResponse(
    415,
    'Not `multipart/form-data`, or a file whose bytes are not PDF, JPEG or PNG',
    {
      notADocument: {
        summary: 'An executable named ktp.pdf',
        error: new DomainError('document_type_not_allowed', 415),
        instance: '/v1/documents',
      },
      notMultipart: {
        summary: 'A JSON body',
        error: new DomainError('unsupported_media_type', 415),
        instance: '/v1/documents',
      },
    },
  )
  @ApiUpstreamProblems('intake', '/v1/documents')
  async upload(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 415);
    const part = await request.file();
    if (!part) throw new DomainError('document_missing', 400);
    const document = await uploadDocument(
      {
        chunks: part.file,
        truncated: () => part.file.truncated,
        // The rest of the body is not wanted: close the connection instead of reading it.
        abandon: () => void reply.header('connection', 'close'),
      },
      {
        store: this.store,
        register: (stored) => this.rpc.request(RegisterDocument, stored),
        replayed: () => currentContext()?.replayed === true,
        newObjectName: randomUUID,
      },
    );
    return toDocumentResponse(document);
  }

  @Get(':documentId')
  @Callers(DOCUMENT_READERS)
  @ApiOperation({
    operationId: 'downloadDocument',
    summary: 'Download a document',
    description:
      'The bytes of a document, for its uploader, the applicant of the application it is ' +
      'attached to, and the officers and the system (scope `agency:<CODE>:work`) of the agency ' +
      'that owns that application; to anyone else ' +
      'the 404 of an unknown document. `Repr-Digest` (and the older `Digest`) carry its SHA-256.',
    security: securityOf(DOCUMENT_READERS),
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({
    description: 'The document',
    content: Object.fromEntries(
      ['application/pdf', 'image/jpeg', 'image/png'].map((type) => [
        type,
        {
          schema: { type: 'string', format: 'binary', maxLength: MAX_DOCUMENT_BYTES },
          example: '(the bytes)',
        },
      ]),
    ),
    headers: {
      'Content-Disposition': {
        description: 'Always an attachment, named by the document id',
        required: true,
        schema: {
          type: 'string',
          maxLength: 80,
          example: `attachment; filename="${DOCUMENT_EXAMPLE.documentId}.pdf"`,
        },
      },
      'Repr-Digest': {
        description: 'RFC 9530: the SHA-256 of the bytes',
        required: true,
        schema: {
          type: 'string',
          maxLength: 60,
          example: 'sha-256=:n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=:',
        },
      },
      Digest: {
        description: 'RFC 3230, for older clients: the same SHA-256',
        required: true,
        schema: {
          type: 'string',
          maxLength: 60,
          example: 'sha-256=n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
        },
      },
    },
  })
  @ApiProblemResponse(404, 'No such document, or not one the caller may read', NOT_FOUND_EXAMPLE)
  @ApiUpstreamProblems('intake', `/v1/documents/${DOCUMENT_EXAMPLE.documentId}`)
  async download(
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.authorize(documentId);
    const bytes = await this.read(document.objectName, documentId);
    await reply.headers(downloadHeaders(document)).send(Readable.fromWeb(bytes as never));
  }

  @Get(':documentId/meta')
  @Callers(DOCUMENT_READERS)
  @ApiOperation({
    operationId: 'getDocument',
    summary: 'A document’s details',
    description:
      'Type, size, SHA-256 and, once attached, the application and requirement, for those who ' +
      'may download it; the 404 of an unknown document to anyone else.',
    security: securityOf(DOCUMENT_READERS),
  })
  @ApiParam(DOCUMENT_ID_PARAM)
  @ApiOkResponse({
    description: 'The document’s details',
    type: DocumentResponse,
    examples: {
      attached: {
        summary: 'Attached to an application as its KTP',
        value: {
          ...DOCUMENT_EXAMPLE,
          applicationId: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
          requirement: 'KTP',
        },
      },
    },
  })
  @ApiProblemResponse(404, 'No such document, or not one the caller may read', NOT_FOUND_EXAMPLE)
  @ApiUpstreamProblems('intake', `/v1/documents/${DOCUMENT_EXAMPLE.documentId}/meta`)
  async meta(@Param('documentId') documentId: string): Promise<DocumentResponse> {
    return toDocumentResponse(await this.authorize(documentId));
  }

  private authorize(documentId: string) {
    if (!UUID.test(documentId))
      throw new DomainError('document_not_found', 404, [], { documentId: documentId.slice(0, 36) });
    return this.rpc.request(AuthorizeDocumentDownload, { documentId: documentId.toLowerCase() });
  }

  private async read(objectName: string, documentId: string) {
    let bytes: ReadableStream<Uint8Array> | undefined;
    try {
      bytes = await this.store.read(objectName);
    } catch {
      throw new DomainError('service_unavailable', 503, [], { service: 'documents' });
    }
    // Registered, but its bytes are gone: for the caller, as if there were no such document.
    if (!bytes) throw new DomainError('document_not_found', 404, [], { documentId });
    return bytes;
  }
}
