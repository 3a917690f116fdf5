import { documentYear, formatDocumentNumber } from '@satupintu/domain';
import type { KeyObject } from 'node:crypto';
import {
  renderOutputPdf,
  verificationUrl,
  type BilingualText,
  type OutputFacts,
} from './output-pdf';
import {
  OUTPUT_STATEMENT_FORMAT,
  pdfDigest,
  signOutput,
  type SignedOutput,
} from './output-signature';

/** What the workflow knows when a case reaches ISSUED. */
export interface IssueOutputCommand {
  applicationId: string;
  service: { code: string; name: BilingualText };
  holder: OutputFacts['holder'];
  facts: OutputFacts['facts'];
  /** Who issued it: the officer's subject, or the agency system's client id. */
  issuedBy: string;
  issuedAt: Date;
}

/** The issuing deployment: its agency, the case's time zone, the gateway's PUBLIC_URL. */
export interface OutputIssuer {
  agency: { code: string; name: string };
  timeZone: string;
  publicUrl: string;
}

export interface IssuedOutput extends SignedOutput {
  applicationId: string;
  agencyName: string;
  serviceName: BilingualText;
  timeZone: string;
  issuedBy: string;
  pdf: Uint8Array;
}

export interface IssueOutputPorts {
  /** The number of the output already issued for the application, if any (a redelivery). */
  issuedFor(applicationId: string): Promise<string | undefined>;
  /** The next number of the year, allocated in the caller's transaction (no gaps on rollback). */
  nextSequence(year: number): Promise<number>;
  signingKey(): Promise<{ kid: string; privateKey: KeyObject }>;
  save(output: IssuedOutput): Promise<void>;
}

/**
 * Numbers, renders and signs the output of a case, once: for an application that has one, the
 * answer is its number, with `created` false, and no number is spent.
 */
export async function issueOutput(
  command: IssueOutputCommand,
  issuer: OutputIssuer,
  ports: IssueOutputPorts,
): Promise<{ created: true; output: IssuedOutput } | { created: false; documentNo: string }> {
  const existing = await ports.issuedFor(command.applicationId);
  if (existing !== undefined) return { created: false, documentNo: existing };

  const year = documentYear(command.issuedAt, issuer.timeZone);
  const documentNo = formatDocumentNumber({
    agencyCode: issuer.agency.code,
    year,
    sequence: await ports.nextSequence(year),
  });
  const pdf = await renderOutputPdf({
    documentNo,
    verificationUrl: verificationUrl(issuer.publicUrl, documentNo),
    agency: issuer.agency,
    service: command.service,
    issuedAt: command.issuedAt,
    timeZone: issuer.timeZone,
    holder: command.holder,
    facts: command.facts,
  });
  const key = await ports.signingKey();
  const signed = signOutput(
    {
      format: OUTPUT_STATEMENT_FORMAT,
      documentNo,
      agencyCode: issuer.agency.code,
      serviceCode: command.service.code,
      issuedAt: command.issuedAt.toISOString(),
      pdfSha256: pdfDigest(pdf),
      keyId: key.kid,
    },
    key.privateKey,
  );
  const output: IssuedOutput = {
    ...signed,
    applicationId: command.applicationId,
    agencyName: issuer.agency.name,
    serviceName: command.service.name,
    timeZone: issuer.timeZone,
    issuedBy: command.issuedBy,
    pdf,
  };
  await ports.save(output);
  return { created: true, output };
}
