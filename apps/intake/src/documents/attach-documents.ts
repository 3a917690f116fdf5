import { DomainError, type FieldError } from '@satupintu/common';
import type { AttachedDocumentV2 } from '@satupintu/contracts';
import { attachmentProblems, type AttachableDocument, type DocumentOwner } from './document-access';

/** What a submission needs to check the documents it offers. */
export interface AttachDocumentsPorts {
  /** The documents among `ids`, whoever owns them. */
  findDocuments(ids: string[]): Promise<AttachableDocument[]>;
}

/**
 * The per-field problems of the documents a submission offers (none offered, none to check).
 * Checked again where they are attached, in the application's transaction
 * (`refuseUnattached`): one taken by a concurrent submission in between is refused there.
 */
export async function offeredDocumentProblems(
  submitter: DocumentOwner,
  offered: readonly AttachedDocumentV2[] | undefined,
  ports: AttachDocumentsPorts,
): Promise<FieldError[]> {
  if (!offered || offered.length === 0) return [];
  const found = await ports.findDocuments(offered.map((document) => document.documentId));
  return attachmentProblems(submitter, offered, found);
}

/**
 * After the attaching UPDATE: a 422 naming each offered document it did not attach (taken by
 * a concurrent submission since the check), which rolls the application back with it.
 */
export function refuseUnattached(
  offered: readonly AttachedDocumentV2[],
  attached: ReadonlySet<string>,
): void {
  const errors: FieldError[] = [];
  offered.forEach(({ documentId }, i) => {
    if (!attached.has(documentId))
      errors.push({ field: `documents[${i}].documentId`, code: 'document_already_attached' });
  });
  if (errors.length > 0) throw DomainError.validation(errors, 422);
}
