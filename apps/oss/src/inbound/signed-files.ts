import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, redactText } from '@satupintu/common';
import { AttachOssFile } from '@satupintu/contracts';
import {
  RpcClient,
  uploadDocument,
  type DocumentStore,
  type Transaction,
} from '@satupintu/messaging';
import { JobQueue, JobRunner, defineJob, type JobMeta } from '@satupintu/scheduling';
import { createHash, randomUUID } from 'node:crypto';
import {
  FileRefused,
  MAX_FILE_ATTEMPTS,
  openFile,
  withoutUrlSecrets,
  type FileFetchPolicy,
} from './file-source';
import { InboundRepository } from './inbound.repository';
import { asOssConnector } from './oss-connector';
import type { ReceivedFileDs } from './receive-file-ds';

export const OSS_FILE_STORE = Symbol('OSS_FILE_STORE');
export const OSS_FILE_POLICY = Symbol('OSS_FILE_POLICY');

/**
 * Fetches a signed file receiveFileDS named, stores it and attaches it to its permit's
 * application. Retried with backoff for about a day (the wait grows to ten minutes): OSS's file
 * server, the object store or intake may be away. Its last attempt (`OSS_FILE_ATTEMPTS`, at most
 * this many) records the file FAILED with the last error instead of leaving a dead job behind.
 */
export const FetchSignedFile = defineJob<{ nib: string; idIzin: string; fileUrl: string }>({
  kind: 'oss.file.fetch',
  maxAttempts: MAX_FILE_ATTEMPTS,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/** The job's key: the file, by its permit and a digest of its URL (URLs run to 2,048 characters). */
export function signedFileKey(file: { nib: string; idIzin: string; fileUrl: string }): string {
  return `${file.nib}:${file.idIzin}:${sha256(file.fileUrl).slice(0, 32)}`;
}

/**
 * The id of the document a file becomes, the same on every attempt (a UUID made of the file's
 * permit and URL), so intake registers it once however often the job runs (ADR 0035).
 */
export function signedFileDocumentId(file: {
  nib: string;
  idIzin: string;
  fileUrl: string;
}): string {
  const hex = sha256(`oss-file:${file.nib}:${file.idIzin}:${file.fileUrl}`);
  // Shaped as an RFC 9562 name-based UUID (version 5 bits, variant 10).
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Codes of refusals that fetching again will not change (the rest are retried). */
const FINAL = new Set(['document_type_not_allowed', 'document_too_large', 'application_not_found']);

/** The reason of a file that will not be attached however often it is fetched, if `error` is one. */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof FileRefused) return error.code;
  if (error instanceof DomainError && FINAL.has(error.code)) return error.code;
  return undefined;
}

/**
 * The reason a file is given up on after its last attempt: `gave_up: ` and the last error as a
 * mall admin may read it: its code and the service for a neighbour's refusal or absence, else
 * its message, without a stack, without any URL's query (a signed URL's credential), NIKs
 * masked, at most 300 characters. Pure.
 */
export function givenUpReason(error: unknown): string {
  let text: string;
  if (error instanceof DomainError) {
    const service = error.params.service;
    text = typeof service === 'string' ? `${error.code} (${service})` : error.code;
  } else if (error instanceof Error) {
    text = error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  } else text = String(error);
  return `gave_up: ${redactText(withoutUrlSecrets(text))}`.slice(0, 300);
}

@Injectable()
export class SignedFiles implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly rpc: RpcClient,
    @Inject(OSS_FILE_STORE) private readonly store: DocumentStore,
    @Inject(OSS_FILE_POLICY) private readonly policy: FileFetchPolicy,
  ) {}

  onModuleInit(): void {
    this.runner.register(FetchSignedFile, (file, tx, meta) => this.fetch(tx, file, meta));
  }

  /** The file is fetched once `tx` commits (one job per file: enqueued again, it adds none). */
  async fetchLater(tx: Transaction, file: ReceivedFileDs): Promise<void> {
    await this.queue.enqueue(tx, FetchSignedFile, file, { key: signedFileKey(file) });
  }

  /**
   * The permit is settled (its application opened, or refused): the files that waited for it
   * are fetched now, attached to the application or refused for want of one. Called by the job
   * that settled it, in its transaction, while it holds the permit locked.
   */
  async fetchWaiting(tx: Transaction, permit: { nib: string; idIzin: string }): Promise<void> {
    for (const file of await InboundRepository.wakeWaitingFiles(tx, permit))
      await this.fetchLater(tx, file);
  }

  /**
   * The file's bytes go from OSS's server into the documents store as they arrive: their first
   * bytes decide the type (PDF, JPEG, PNG by file-type), the first byte over 10 MiB stops them,
   * the timeout covers the whole transfer; then intake registers and attaches them in one step.
   * Whatever fails after storing began removes the stored bytes (as an upload does); a retry
   * whose document intake already has (an earlier run's commit was lost) removes its own copy.
   * A refusal marks the file FAILED at once; any other failure is retried, and on the last
   * attempt the file is marked FAILED with it, so no file stays RECEIVED with nothing pending.
   */
  private async fetch(
    tx: Transaction,
    file: { nib: string; idIzin: string; fileUrl: string },
    meta: JobMeta,
  ): Promise<void> {
    const target = await InboundRepository.lockFile(tx, file);
    if (!target || target.state !== 'RECEIVED') return;
    const trackingNo = target.trackingNo ?? (await this.applicationOrWait(tx, file));
    if (!trackingNo) return;
    try {
      const response = await openFile(
        file.fileUrl,
        this.policy,
        AbortSignal.timeout(this.policy.timeoutMs),
      );
      let replayed = false;
      const document = await uploadDocument(
        {
          chunks: response,
          truncated: () => false,
          abandon: () => response.destroy(),
        },
        {
          store: this.store,
          newObjectName: randomUUID,
          replayed: () => replayed,
          register: async (stored) => {
            const attached = await asOssConnector(() =>
              this.rpc.request(AttachOssFile, {
                ...stored,
                documentId: signedFileDocumentId(file),
                trackingNo,
              }),
            );
            replayed = attached.replayed;
            return attached.document;
          },
        },
      );
      await InboundRepository.markFileAttached(tx, file, document.documentId);
    } catch (error) {
      const lastAttempt =
        meta.attempt >= Math.min(this.policy.attempts, FetchSignedFile.maxAttempts);
      const reason = refusalOf(error) ?? (lastAttempt ? givenUpReason(error) : undefined);
      if (!reason) throw error;
      await InboundRepository.markFileFailed(tx, file, reason);
    }
  }

  /**
   * A file whose permit had no application when its row was read. It waits while the permit is
   * unmapped (a mall admin may map it; the next receiveNIB then opens it) or being opened, and
   * the job that settles the permit wakes it; it fails when the permit's opening was refused.
   * Decided under a share lock on the permit, so that job cannot settle it unseen between this
   * look and this write. Answers the application's tracking number when the permit was opened
   * meanwhile (rare: the lock is then held while the file is fetched).
   */
  private async applicationOrWait(
    tx: Transaction,
    file: ReceivedFileDs,
  ): Promise<string | undefined> {
    const permit = await InboundRepository.sharePermitOf(tx, file);
    if (permit.trackingNo) return permit.trackingNo;
    if (permit.state === 'FAILED')
      await InboundRepository.markFileFailed(tx, file, 'no_application');
    else
      await InboundRepository.markFileWaiting(
        tx,
        file,
        permit.state === 'UNMAPPED' ? 'permit_unmapped' : 'permit_opening',
      );
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
