import { DomainError, type FieldError } from '@satupintu/common';
import type { AttachedDocumentV2 } from '@satupintu/contracts';
import {
  attachmentProblems,
  sameOwner,
  type AttachableDocument,
  type DocumentOwner,
} from './document-access';

/**
 * The documents offered against what the service (or the bundle's services) asks for, given
 * those of them that are the submitter's (`requirementProblems`, `bundleRequirementProblems`).
 */
export type RequirementCheck = (
  offered: readonly AttachedDocumentV2[],
  theirs: readonly AttachableDocument[],
) => FieldError[];

/** What a submission needs to check the documents it offers. */
export interface AttachDocumentsPorts {
  /** The documents among `ids`, whoever owns them. */
  findDocuments(ids: string[]): Promise<AttachableDocument[]>;
}

/**
 * The per-field problems of the documents a submission offers (none offered, none to check):
 * whose they are and whether they are free (`attachmentProblems`), and, when the service is
 * known (a `fits` check given), whether they fit its document requirements. Ownership is
 * checked again where they are attached, in the submission's transaction (`refuseUnattached`):
 * one taken by a concurrent submission in between is refused there.
 */
export async function offeredDocumentProblems(
  submitter: DocumentOwner,
  offered: readonly AttachedDocumentV2[] | undefined,
  fits: RequirementCheck | undefined,
  ports: AttachDocumentsPorts,
): Promise<FieldError[]> {
  if (!offered || offered.length === 0) return [];
  const found = await ports.findDocuments(offered.map((document) => document.documentId));
  const problems = attachmentProblems(submitter, offered, found);
  if (!fits) return problems;
  // Someone else's document is not the submitter's to learn the type or size of.
  const theirs = found.filter((document) => sameOwner(document.owner, submitter));
  return [...problems, ...fits(offered, theirs)];
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
