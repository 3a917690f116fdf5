import { DomainError } from '@satupintu/common';
import {
  DOCUMENT_CONTENT_TYPES,
  MAX_DOCUMENT_BYTES,
  type DocumentContentType,
  type DocumentV1,
  type RegisterDocumentV1,
} from '@satupintu/contracts';
import type { DocumentStore } from './document-store';
import { fileTypeFromBuffer } from 'file-type/core';
import { createHash } from 'node:crypto';

/** Enough of a file's beginning for file-type to recognize PDF, JPEG and PNG (its own sample size). */
export const SNIFF_BYTES = 4100;

/**
 * What a file's bytes say it is, if it is one of the types accepted. The name and the declared
 * type are not asked: an executable named `.pdf` and declared `application/pdf` is refused.
 */
export async function detectDocumentType(
  head: Uint8Array,
): Promise<DocumentContentType | undefined> {
  const detected = await fileTypeFromBuffer(head);
  const mime = detected?.mime as DocumentContentType | undefined;
  return mime && DOCUMENT_CONTENT_TYPES.includes(mime) ? mime : undefined;
}

export const documentTooLarge = () =>
  new DomainError('document_too_large', 413, [], { limit: MAX_DOCUMENT_BYTES });

/** Counts and hashes the bytes as they pass, and refuses the first byte over the limit. */
export class UploadMeter {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly limit: number = MAX_DOCUMENT_BYTES) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.limit) throw documentTooLarge();
    this.hash.update(chunk);
  }

  /** Lower-case hex; once, at the end. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** An upload's bytes as they arrive, and what the transport is told. */
export interface UploadSource {
  chunks: AsyncIterable<Uint8Array>;
  /** Whether the parser cut the file at its own limit. */
  truncated(): boolean;
  /**
   * The rest of the body will not be read: the answer must close the connection (a client
   * that sent too much, or went away). Otherwise the body is read to its end before the
   * answer, so a client still sending gets it instead of a broken pipe.
   */
  abandon(): void;
}

export interface UploadDocumentPorts {
  store: Pick<DocumentStore, 'write' | 'remove'>;
  /** Intake's registration of the stored bytes (RegisterDocument), as the caller. */
  register(stored: RegisterDocumentV1): Promise<DocumentV1>;
  /**
   * Whether intake's answer was the document of an earlier attempt under the same
   * `Idempotency-Key` (ADR 0017): then the bytes this attempt stored are a duplicate.
   */
  replayed(): boolean;
  newObjectName(): string;
}

/** The source failed (the client went away mid-upload), not the store. */
class SourceFailed extends Error {}

/**
 * Takes one upload from the wire to the store: its first bytes decide its type (415 before
 * anything is stored), the rest streams into the store under a new name while it is counted
 * and hashed, and the first byte over 10 MiB stops it (413) before the rest is read. Intake
 * then registers it. Whatever fails after storing began (too large, the client gone, the store
 * or intake away), the stored bytes are removed; the sweeper takes any a crash left. A retry
 * under an `Idempotency-Key` that intake answers with the first document removes its own copy.
 */
export async function uploadDocument(
  source: UploadSource,
  ports: UploadDocumentPorts,
): Promise<DocumentV1> {
  const reader = source.chunks[Symbol.asyncIterator]();
  const meter = new UploadMeter();
  const next = async () => {
    try {
      return await reader.next();
    } catch (error) {
      throw new SourceFailed(error instanceof Error ? error.message : String(error));
    }
  };
  /** Reads and drops what is left of the file, up to the limit; past it, gives up on the body. */
  const discardRest = async () => {
    try {
      for (let chunk = await next(); !chunk.done; chunk = await next()) meter.add(chunk.value);
    } catch {
      source.abandon();
    }
  };

  try {
    const head: Uint8Array[] = [];
    for (let read = 0; read < SNIFF_BYTES;) {
      const chunk = await next();
      if (chunk.done) break;
      meter.add(chunk.value);
      head.push(chunk.value);
      read += chunk.value.length;
    }
    const contentType = await detectDocumentType(Buffer.concat(head));
    if (!contentType) {
      await discardRest();
      throw new DomainError('document_type_not_allowed', 415);
    }
    const objectName = ports.newObjectName();
    try {
      await ports.store.write(objectName, storedStream(head, next, meter, source));
    } catch (error) {
      await ports.store.remove(objectName).catch(() => undefined);
      if (error instanceof DomainError || error instanceof SourceFailed) throw error;
      await discardRest();
      throw new DomainError('service_unavailable', 503, [], { service: 'documents' });
    }
    let document: DocumentV1;
    try {
      document = await ports.register({
        objectName,
        contentType,
        size: meter.size,
        sha256: meter.sha256(),
      });
    } catch (error) {
      await ports.store.remove(objectName).catch(() => undefined);
      throw error;
    }
    // The first attempt's bytes are the document; should this removal fail, no row names the
    // object and the sweeper takes it.
    if (ports.replayed()) await ports.store.remove(objectName).catch(() => undefined);
    return document;
  } catch (error) {
    if (error instanceof SourceFailed) {
      source.abandon();
      throw new DomainError('upload_aborted', 400);
    }
    if (error instanceof DomainError && error.code === 'document_too_large') source.abandon();
    throw error;
  }
}

/** The bytes as the store takes them: the head already read, then the rest as it arrives. */
function storedStream(
  head: Uint8Array[],
  next: () => Promise<IteratorResult<Uint8Array>>,
  meter: UploadMeter,
  source: UploadSource,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
    },
    async pull(controller) {
      try {
        const chunk = await next();
        if (chunk.done) {
          if (source.truncated()) controller.error(documentTooLarge());
          else controller.close();
          return;
        }
        meter.add(chunk.value);
        controller.enqueue(chunk.value);
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
