import type { ApplicationStatusChangedV1 } from '@satupintu/contracts';
import type { NewDocument } from './documents.repository';

/** An application's output as intake keeps it: its number and, once delivered, its document. */
export interface IssuedOutput {
  applicationId: string;
  agencyCode: string;
  number: string;
  /** The PDF as a document of the registry, owned by the issuing agency (ADR 0021). */
  document?: NewDocument;
}

/**
 * What an ISSUED change gives the application: the output's number, and the document the agency
 * stored its PDF as (the id is the object's name), owned by the agency. Nothing for any other
 * change, nor for an ISSUED event of an agency that issues no file.
 */
export function issuedOutputOf(event: ApplicationStatusChangedV1): IssuedOutput | undefined {
  const { output } = event;
  if (event.to !== 'ISSUED' || !output) return undefined;
  const issued = {
    applicationId: event.applicationId,
    agencyCode: event.agencyCode,
    number: output.number,
  };
  const { documentId, size, sha256 } = output;
  if (!documentId || size === undefined || sha256 === undefined) return issued;
  return {
    ...issued,
    document: {
      documentId,
      owner: { kind: 'agency', subject: event.agencyCode },
      objectName: documentId,
      contentType: 'application/pdf',
      size,
      sha256,
    },
  };
}
