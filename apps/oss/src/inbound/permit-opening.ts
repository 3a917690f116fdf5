import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { SubmitApplication } from '@satupintu/contracts';
import { RpcClient, type Transaction } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { BusinessSync } from './business-sync';
import { InboundRepository, type PermitToOpen } from './inbound.repository';
import { asOssConnector } from './oss-connector';
import { SignedFiles } from './signed-files';

/**
 * Opens the application of one claimed permit. Retried for about a day (the wait grows to ten
 * minutes): intake may be away, and a dead job is a permit OSS counts on that nobody works on.
 */
export const OpenPermit = defineJob<{ nib: string; idIzin: string }>({
  kind: 'oss.permit.open',
  maxAttempts: 150,
  backoff: { baseMs: 1000, maxMs: 10 * 60_000 },
});

/**
 * The external reference intake keeps unique per client: a second submission for the same
 * permit (a job run again after intake answered but before this service recorded it) is
 * refused with the first one's tracking number, which is then recorded.
 */
export function externalReferenceOf(nib: string, idIzin: string): string {
  return `oss:${nib}:${idIzin}`;
}

@Injectable()
export class PermitOpening implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly rpc: RpcClient,
    private readonly business: BusinessSync,
    private readonly files: SignedFiles,
  ) {}

  onModuleInit(): void {
    this.runner.register(OpenPermit, ({ nib, idIzin }, tx) => this.open(tx, nib, idIzin));
  }

  /**
   * Opens the permit's application, or records why not; then the signed files OSS sent while it
   * had none are fetched (still under the permit's lock, which they waited under).
   */
  private async open(tx: Transaction, nib: string, idIzin: string): Promise<void> {
    const permit = await InboundRepository.lockPermit(tx, nib, idIzin);
    if (!permit || permit.state !== 'OPENING') return;
    await this.settle(tx, permit);
    await this.files.fetchWaiting(tx, permit);
  }

  private async settle(tx: Transaction, permit: PermitToOpen): Promise<void> {
    const { nib, idIzin } = permit;
    if (!permit.responsibleNik || !permit.responsibleName) {
      await InboundRepository.markFailed(tx, permit, 'no_responsible_person_by_ktp');
      return;
    }
    // The business and its owner first (once-only data): done once, whichever job gets there.
    // The application names it, so its owner follows it as theirs (ADR 0035); a NIB whose
    // business identity does not have (OSS left out what it needs) opens it for the person alone.
    const businessId = await this.business.ensure(tx, nib);
    try {
      const receipt = await asOssConnector(() =>
        this.rpc.request(SubmitApplication, {
          serviceCode: permit.serviceCode,
          channel: 'PORTAL',
          applicant: { nik: permit.responsibleNik!, name: permit.responsibleName! },
          ...(businessId ? { businessId } : {}),
          externalReference: externalReferenceOf(nib, idIzin),
        }),
      );
      await InboundRepository.markOpened(tx, {
        nib,
        idIzin,
        trackingNo: receipt.trackingNo,
        applicationId: receipt.applicationId,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (
        error.code === 'external_reference_exists' &&
        typeof error.params.trackingNo === 'string'
      ) {
        await InboundRepository.markOpened(tx, {
          nib,
          idIzin,
          trackingNo: error.params.trackingNo,
        });
        return;
      }
      // Intake's refusal will not change by asking again (an unknown service, a NIK it does
      // not take): recorded for the mall admin. An outage or a timeout is retried.
      if (error.status >= 400 && error.status < 500) {
        const fields = error.errors.map((e) => `${e.field}:${e.code}`).join(', ');
        await InboundRepository.markFailed(
          tx,
          permit,
          fields ? `${error.code} (${fields})` : error.code,
        );
        return;
      }
      throw error;
    }
  }
}
