import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError, currentContext, runInContext } from '@satupintu/common';
import { SubmitApplication, type Principal } from '@satupintu/contracts';
import { RpcClient, type Transaction } from '@satupintu/messaging';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { randomBytes, randomUUID } from 'node:crypto';
import { InboundRepository } from './inbound.repository';

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
 * The OSS connector submits as an API client of the national portal (channel PORTAL) with
 * `applications:submit`, for the person OSS names as responsible. Intake trusts the principal
 * beside the request as it trusts the gateway's (only services speak on NATS).
 */
export const OSS_CONNECTOR: Principal = Object.freeze({
  kind: 'client',
  subject: 'oss-connector',
  clientId: 'oss-connector',
  roles: [],
  scopes: ['applications:submit', 'applications:read'],
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
  ) {}

  onModuleInit(): void {
    this.runner.register(OpenPermit, ({ nib, idIzin }, tx) => this.open(tx, nib, idIzin));
  }

  private async open(tx: Transaction, nib: string, idIzin: string): Promise<void> {
    const permit = await InboundRepository.lockPermit(tx, nib, idIzin);
    if (!permit || permit.state !== 'OPENING') return;
    if (!permit.responsibleNik || !permit.responsibleName) {
      await InboundRepository.markFailed(tx, permit, 'no_responsible_person_by_ktp');
      return;
    }
    const context = currentContext();
    try {
      const receipt = await runInContext(
        {
          requestId: context?.requestId ?? randomUUID(),
          traceparent:
            context?.traceparent ??
            `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
          principal: OSS_CONNECTOR,
        },
        () =>
          this.rpc.request(SubmitApplication, {
            serviceCode: permit.serviceCode,
            channel: 'PORTAL',
            applicant: { nik: permit.responsibleNik!, name: permit.responsibleName! },
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
