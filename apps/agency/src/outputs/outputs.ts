import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { OutputKeysV1, RevokedOutputV1 } from '@satupintu/contracts';
import { formatDocumentNumber, parseDocumentNumber, toZonedIso } from '@satupintu/domain';
import { executorOf, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { issueOutput, type IssueOutputCommand, type IssuedOutput } from './issue-output';
import { OutputSigningKeys } from './output-signing-keys';
import { verifyOutputDigest } from './output-signature';
import {
  revocationReason,
  signedOutputOf,
  verificationAnswer,
  type OutputVerificationAnswer,
} from './output-verification';
import { OutputsRepository, type OutputRecord } from './outputs.repository';

export const OUTPUTS_OPTIONS = Symbol('OUTPUTS_OPTIONS');

export interface OutputsOptions {
  agencyCode: string;
  /** The gateway's PUBLIC_URL: the verification URL in every QR code starts with it. */
  publicUrl: string;
}

/**
 * This agency's issued outputs (ADR 0021): what the workflow calls when a case reaches ISSUED,
 * and what the verification, download and revocation handlers call.
 */
@Injectable()
export class Outputs {
  private readonly db: Executor;

  constructor(
    private readonly keys: OutputSigningKeys,
    @Inject(OUTPUTS_OPTIONS) private readonly options: OutputsOptions,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * Issues the case's output inside the caller's transaction (the one that moves the case to
   * ISSUED), so the case and its output commit together or not at all. Once per application.
   */
  issue(
    tx: Executor,
    command: IssueOutputCommand,
    issuer: { agencyName: string; timeZone: string },
  ): Promise<{ created: true; output: IssuedOutput } | { created: false; documentNo: string }> {
    return issueOutput(
      command,
      {
        agency: { code: this.options.agencyCode, name: issuer.agencyName },
        timeZone: issuer.timeZone,
        publicUrl: this.options.publicUrl,
      },
      {
        issuedFor: async (applicationId) =>
          (await OutputsRepository.byApplication(tx, applicationId))?.documentNo,
        nextSequence: (year) => OutputsRepository.nextSequence(tx, year),
        signingKey: () => this.keys.activeKey(tx),
        save: (output) => OutputsRepository.insert(tx, output),
      },
    );
  }

  /**
   * The public answer for a number; given a PDF's SHA-256 too, whether that PDF is the one
   * signed (`pdfDigest` of its bytes).
   */
  async verify(documentNo: string, pdfSha256?: string): Promise<OutputVerificationAnswer> {
    const record = await this.find(documentNo);
    if (pdfSha256 === undefined) return verificationAnswer(record, this.options.agencyCode);
    const key = (await this.keys.publishedKeys()).find(({ kid }) => kid === record.keyId);
    const check = key
      ? verifyOutputDigest(pdfSha256, signedOutputOf(record), key)
      : ({ authentic: false, reason: 'wrong_key' } as const);
    return verificationAnswer(record, this.options.agencyCode, check);
  }

  async pdf(documentNo: string): Promise<Buffer> {
    const number = this.ownNumber(documentNo);
    const pdf = await OutputsRepository.pdf(this.db, number);
    if (!pdf) throw notFound(number);
    return pdf;
  }

  /** An agency admin withdraws an output; verification says REVOKED from then on. */
  async revoke(revocation: {
    documentNo: string;
    reason: string;
    by: string;
  }): Promise<RevokedOutputV1> {
    const reason = revocationReason(revocation.reason);
    const documentNo = this.ownNumber(revocation.documentNo);
    const { revoked, record } = await OutputsRepository.revoke(this.db, {
      documentNo,
      reason,
      by: revocation.by,
      at: new Date(),
    });
    if (!record?.revoked) throw notFound(documentNo);
    const revokedAt = toZonedIso(record.revoked.at, record.timeZone);
    if (!revoked) {
      throw new DomainError('output_already_revoked', 409, [], { documentNo, revokedAt });
    }
    return { documentNo, revokedAt, reason: record.revoked.reason, revokedBy: record.revoked.by };
  }

  /** The agency's public keys, for anyone who verifies its outputs offline. */
  async publishedKeys(): Promise<OutputKeysV1> {
    return { agencyCode: this.options.agencyCode, keys: await this.keys.publishedKeys() };
  }

  private async find(documentNo: string): Promise<OutputRecord> {
    const number = this.ownNumber(documentNo);
    const record = await OutputsRepository.byNumber(this.db, number);
    if (!record) throw notFound(number);
    return record;
  }

  /**
   * The canonical spelling of one of this agency's numbers; another agency's is not found here.
   * What is not a number at all is refused without being echoed (it may be a NIK typed in).
   */
  private ownNumber(documentNo: string): string {
    const parsed = parseDocumentNumber(documentNo);
    if (!parsed) {
      throw DomainError.validation([{ field: 'documentNo', code: 'document_no_format' }]);
    }
    const canonical = formatDocumentNumber(parsed);
    if (parsed.agencyCode !== this.options.agencyCode) throw notFound(canonical);
    return canonical;
  }
}

function notFound(documentNo: string): DomainError {
  return new DomainError('output_not_found', 404, [], { documentNo });
}
