import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ListOssFiles,
  ListUnmappedPermits,
  ReceiveFromOss,
  type ListOssFilesV1,
  type ListUnmappedPermitsV1,
  type OssFilesPageV1,
  type PiaReplyV1,
  type ReceiveFromOssV1,
  type UnmappedPermitsPageV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, UnitOfWork } from '@satupintu/messaging';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { JobQueue } from '@satupintu/scheduling';
import { requireMallAdmin } from '../mall-admins';
import { SyncBusiness } from './business-sync';
import { InboundRepository } from './inbound.repository';
import { businessOfNib } from './nib-business';
import { OSS_INBOUND_SETTINGS, type OssInboundSettings } from './oss-inbound.settings';
import { OpenPermit } from './permit-opening';
import { PiaFieldError, isObject } from './pia-fields';
import { piaBadParameter, piaOk, piaUnauthorized } from './pia-reply';
import { readReceiveFileDs } from './receive-file-ds';
import { readReceiveNib } from './receive-nib';
import { SignedFiles } from './signed-files';
import { tokenMatches } from './token';

/**
 * The PIA methods OSS calls, as the gateway hands them on. The Token is checked first, over the
 * NIB the body names, so a caller without it learns nothing about the body; then the body is
 * read whole before anything is written, and everything it causes is written in one
 * transaction: a 400 or 401 leaves nothing behind.
 */
@Controller()
export class InboundHandlers {
  constructor(
    private readonly work: UnitOfWork,
    private readonly queue: JobQueue,
    private readonly repository: InboundRepository,
    private readonly signedFiles: SignedFiles,
    @Inject(OSS_INBOUND_SETTINGS) private readonly settings: OssInboundSettings,
  ) {}

  @HandleRequest(ReceiveFromOss)
  async receive(@Payload() call: ReceiveFromOssV1): Promise<PiaReplyV1> {
    const { method, token, body } = call;
    if (!tokenMatches(this.settings.credentials, nibNamed(method, body), token, new Date()))
      return piaUnauthorized(method);
    try {
      return method === 'receiveNIB' ? await this.receiveNib(body) : await this.receiveFile(body);
    } catch (error) {
      if (error instanceof PiaFieldError) return piaBadParameter(method, error.field);
      throw error;
    }
  }

  private async receiveNib(body: unknown): Promise<PiaReplyV1> {
    const nib = readReceiveNib(body);
    const permits = nib.permits.map((permit) => {
      const serviceCode = this.settings.permitMap.serviceFor(permit.kdIzin, permit.kbli);
      return serviceCode ? { ...permit, serviceCode } : permit;
    });
    const business = businessOfNib(nib);
    await this.work.run(async (tx) => {
      const synced = await InboundRepository.recordNib(tx, nib);
      // Changed business data (or a first NIB) goes to identity, once per version of it.
      if (business.digest !== synced)
        await this.queue.enqueue(
          tx,
          SyncBusiness,
          { nib: nib.nib },
          { key: `${nib.nib}:${business.digest.slice(0, 16)}` },
        );
      const toOpen = await InboundRepository.claimPermits(tx, nib.nib, permits);
      for (const idIzin of toOpen)
        await this.queue.enqueue(
          tx,
          OpenPermit,
          { nib: nib.nib, idIzin },
          {
            key: `${nib.nib}:${idIzin}`,
          },
        );
    });
    return piaOk('receiveNIB');
  }

  private async receiveFile(body: unknown): Promise<PiaReplyV1> {
    const file = readReceiveFileDs(body);
    const recorded = await this.work.run(async (tx) => {
      const outcome = await InboundRepository.recordFile(tx, file);
      // Fetched, stored and attached by a durable job: OSS hears 200 once the URL is safe.
      if (outcome === 'new') await this.signedFiles.fetchLater(tx, file);
      return outcome;
    });
    if (recorded === 'unknown') throw new PiaFieldError('receiveFileDS.id_izin');
    return piaOk('receiveFileDS');
  }

  /** Mall admins see which OSS permits no service is mapped to, to extend the map. */
  @HandleRequest(ListUnmappedPermits)
  async unmapped(
    @Payload() request: ListUnmappedPermitsV1,
    @Caller() caller: RequestContext,
  ): Promise<UnmappedPermitsPageV1> {
    requireMallAdmin(caller.principal, 'oss-permits');
    const after = request.cursor
      ? decodeCursor<[string, string, string]>(request.cursor, ['string', 'string', 'string'])
      : undefined;
    if (request.cursor && !after) throw new DomainError('invalid_cursor', 400);
    const limit = request.limit ?? 50;
    const rows = await this.repository.unmapped(after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ cursorAt: _cursorAt, ...item }) => item),
      ...(rows.length > limit && last
        ? { nextCursor: encodeCursor([last.cursorAt, last.nib, last.idIzin]) }
        : {}),
    };
  }

  /**
   * Mall admins see the signed files OSS delivered, the latest first: where each stands, why it
   * waits or failed, and the application and document it became.
   */
  @HandleRequest(ListOssFiles)
  async files(
    @Payload() request: ListOssFilesV1,
    @Caller() caller: RequestContext,
  ): Promise<OssFilesPageV1> {
    requireMallAdmin(caller.principal, 'OSS files');
    const [before] = request.cursor
      ? (decodeCursor<[string]>(request.cursor, ['string']) ?? [])
      : [];
    if (request.cursor && !(before && /^\d{1,19}$/.test(before)))
      throw new DomainError('invalid_cursor', 400);
    const rows = await this.repository.files(request, before, request.limit + 1);
    const page = rows.slice(0, request.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ seq: _seq, ...item }) => item),
      ...(rows.length > request.limit && last ? { nextCursor: encodeCursor([last.seq]) } : {}),
    };
  }
}

/** The NIB the Token must be made with: the one the body names, as sent (an empty one too). */
function nibNamed(method: ReceiveFromOssV1['method'], body: unknown): string {
  const wrapper = method === 'receiveNIB' ? 'dataNIB' : 'receiveFileDS';
  const inner = isObject(body) ? body[wrapper] : undefined;
  const nib = isObject(inner) ? inner.nib : undefined;
  return typeof nib === 'string' ? nib : '';
}
