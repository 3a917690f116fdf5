import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { UpsertBusinessFromOss } from '@satupintu/contracts';
import { RpcClient, type Transaction } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { asOssConnector } from './oss-connector';
import { InboundRepository } from './inbound.repository';
import { businessOfNib } from './nib-business';
import { readReceiveNib } from './receive-nib';

/**
 * Brings identity's business up to date with a NIB OSS sent again with other data, when no
 * permit of it is to be opened (the job that opens one does the same first). Keyed by NIB and
 * the data's digest: a NIB that changes while one runs gets a job of its own.
 */
export const SyncBusiness = defineJob<{ nib: string }>({
  kind: 'oss.business.sync',
  maxAttempts: 150,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/**
 * The business and owner of a NIB, in identity (ADR 0035). Safe to run again at any point: it
 * asks identity only when the NIB's business differs from what it last recorded, and identity's
 * upsert is idempotent by NIB, so a commit lost after identity answered costs one more call
 * that changes nothing. One NIB at a time (a transaction-scoped advisory lock): receiveNIB
 * itself is not held up by it.
 */
@Injectable()
export class BusinessSync implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly rpc: RpcClient,
  ) {}

  onModuleInit(): void {
    this.runner.register(SyncBusiness, ({ nib }, tx) => this.bring(tx, nib));
  }

  /** Brings the NIB's business to identity if it changed; answers identity's id for it, if any. */
  async ensure(tx: Transaction, nib: string): Promise<string | undefined> {
    await this.bring(tx, nib);
    return InboundRepository.businessIdOf(tx, nib);
  }

  private async bring(tx: Transaction, nib: string): Promise<void> {
    await InboundRepository.lockBusinessOf(tx, nib);
    const recorded = await InboundRepository.nibData(tx, nib);
    if (!recorded) return;
    const business = businessOfNib(readReceiveNib({ dataNIB: recorded.data }));
    if (business.digest === recorded.businessDigest) return;
    if (!business.complete) {
      await InboundRepository.recordBusiness(tx, nib, {
        digest: business.digest,
        failure: `missing ${business.missing.join(', ')}`,
      });
      return;
    }
    try {
      const upserted = await asOssConnector(() =>
        this.rpc.request(UpsertBusinessFromOss, business.request),
      );
      await InboundRepository.recordBusiness(tx, nib, {
        digest: business.digest,
        businessId: upserted.businessId,
        ownerId: upserted.ownerId,
      });
    } catch (error) {
      // Identity's refusal will not change by asking again; an outage or a timeout is retried.
      if (!(error instanceof DomainError) || error.status >= 500 || error.status < 400) throw error;
      const fields = error.errors.map((e) => `${e.field}:${e.code}`).join(', ');
      await InboundRepository.recordBusiness(tx, nib, {
        digest: business.digest,
        failure: fields ? `${error.code} (${fields})` : error.code,
      });
    }
  }
}
