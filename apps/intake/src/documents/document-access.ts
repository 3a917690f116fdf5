import type { FieldError } from '@satupintu/common';
import { agencyWorkScope } from '@satupintu/domain';
import type {
  AttachedDocumentV2,
  DocumentContentType,
  Principal,
  RequiredDocumentV1,
} from '@satupintu/contracts';

/**
 * Who uploaded a document: the caller as the gateway verified it. An API client's uploads are
 * the client's (its subject and client id), not those of the applicant it names later. An
 * agency's issued output is the agency's (`agency`, its code the subject): no caller is it.
 */
export interface DocumentOwner {
  kind: 'applicant' | 'officer' | 'client' | 'agency';
  subject: string;
  clientId?: string;
}

/** What deciding on a document needs to know of it and of the application it is attached to. */
export interface DocumentAccessFacts {
  owner: DocumentOwner;
  /** Absent until the document is attached to an application, or issued as its output. */
  application?: { applicantId?: string; agencyCode: string };
  /**
   * Absent unless it was given to a bundle, or issued by one of its steps: the bundle case's
   * applicant and the agencies of the steps opened so far whose application holds it.
   */
  bundleCase?: { applicantId?: string; agencyCodes: readonly string[] };
}

export function sameOwner(a: DocumentOwner, b: DocumentOwner): boolean {
  return a.kind === b.kind && a.subject === b.subject && (a.clientId ?? '') === (b.clientId ?? '');
}

function isOwner(principal: Principal, owner: DocumentOwner): boolean {
  if (!principal.subject || principal.kind !== owner.kind) return false;
  if (principal.subject !== owner.subject) return false;
  return owner.kind !== 'client' || principal.clientId === owner.clientId;
}

/**
 * Who may read a document: whoever uploaded it; once it is attached (or issued as an
 * application's output), also the application's applicant and the officers and the system
 * (`agency:<CODE>:work`) of the agency that owns the application; once given to a bundle (or
 * issued by a step of one), the bundle's applicant and the officers and systems of the agencies
 * whose step's application holds it (a step not yet opened holds nothing; a downstream step
 * holds the upstream output it takes). Nobody else: another applicant, another agency's officer
 * or system, any other API client that did not upload it. The caller of a refused download gets the
 * answer of an unknown document, so nothing tells them it exists.
 */
export function mayReadDocument(principal: Principal, facts: DocumentAccessFacts): boolean {
  if (isOwner(principal, facts.owner)) return true;
  if (!principal.subject) return false;
  const readers = [
    ...(facts.application
      ? [
          {
            applicantId: facts.application.applicantId,
            agencyCodes: [facts.application.agencyCode],
          },
        ]
      : []),
    ...(facts.bundleCase ? [facts.bundleCase] : []),
  ];
  return readers.some(({ applicantId, agencyCodes }) => {
    if (principal.kind === 'applicant')
      return applicantId !== undefined && principal.subject === applicantId;
    if (principal.kind === 'officer')
      return principal.agency !== undefined && agencyCodes.includes(principal.agency);
    if (principal.kind === 'client')
      return agencyCodes.some((code) => principal.scopes.includes(agencyWorkScope(code)));
    return false;
  });
}

/** A document as attaching sees it: whose it is, what it is, and whether it is attached. */
export interface AttachableDocument {
  documentId: string;
  owner: DocumentOwner;
  attached: boolean;
  /** As the gateway detected it from the bytes. */
  contentType: DocumentContentType;
  size: number;
}

/** A service standard's document requirement, as far as checking an offered document needs. */
export type DocumentRequirementRule = Pick<
  RequiredDocumentV1,
  'kind' | 'allowedTypes' | 'maxBytes' | 'mandatory'
>;

/**
 * What is wrong with the documents a submission offers, per field (`documents[i].documentId`):
 * one that does not exist or is not the submitter's (told apart from nobody: it is not theirs
 * to know of), one attached already, one offered twice.
 */
export function attachmentProblems(
  submitter: DocumentOwner,
  offered: readonly AttachedDocumentV2[],
  found: readonly AttachableDocument[],
): FieldError[] {
  const byId = new Map(found.map((document) => [document.documentId, document]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  offered.forEach(({ documentId }, i) => {
    const field = `documents[${i}].documentId`;
    const document = byId.get(documentId);
    if (!document || !sameOwner(document.owner, submitter))
      errors.push({ field, code: 'document_not_found' });
    else if (seen.has(documentId)) errors.push({ field, code: 'document_offered_twice' });
    else if (document.attached) errors.push({ field, code: 'document_already_attached' });
    seen.add(documentId);
  });
  return errors;
}

/**
 * The documents a submission offers against the standard's document requirements: each
 * `requirement` must be one of its kinds (`documents[i].requirement`) and be offered once; a
 * document the submitter may attach must be of a type that requirement allows and no larger
 * than its limit (`documents[i].documentId`). A missing mandatory document is not refused here:
 * the agency collects what is missing while verifying, and the application shows it missing.
 * `requirements` null: the service has no published standard, so no requirement is known.
 */
export function requirementProblems(
  requirements: readonly DocumentRequirementRule[] | null,
  offered: readonly AttachedDocumentV2[],
  found: readonly AttachableDocument[],
): FieldError[] {
  return problemsAgainst(byKind(requirements ?? []), offered, found);
}

/**
 * `requirementProblems` for a bundle, whose one set of documents serves every step: a
 * requirement must be a document kind of at least one step's service, and each document must
 * fit (type and size) the requirement of at least one of them.
 */
export function bundleRequirementProblems(
  standards: readonly (readonly DocumentRequirementRule[] | null)[],
  offered: readonly AttachedDocumentV2[],
  found: readonly AttachableDocument[],
): FieldError[] {
  return problemsAgainst(
    byKind(standards.flatMap((requirements) => requirements ?? [])),
    offered,
    found,
  );
}

function byKind(rules: readonly DocumentRequirementRule[]): Map<string, DocumentRequirementRule[]> {
  const kinds = new Map<string, DocumentRequirementRule[]>();
  for (const rule of rules) kinds.set(rule.kind, [...(kinds.get(rule.kind) ?? []), rule]);
  return kinds;
}

function problemsAgainst(
  kinds: ReadonlyMap<string, readonly DocumentRequirementRule[]>,
  offered: readonly AttachedDocumentV2[],
  found: readonly AttachableDocument[],
): FieldError[] {
  const byId = new Map(found.map((document) => [document.documentId, document]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  offered.forEach(({ requirement, documentId }, i) => {
    const rules = kinds.get(requirement);
    if (!rules) {
      errors.push({
        field: `documents[${i}].requirement`,
        code: 'unknown_requirement',
        params: { requirement },
      });
      return;
    }
    if (seen.has(requirement))
      errors.push({ field: `documents[${i}].requirement`, code: 'requirement_offered_twice' });
    seen.add(requirement);
    const document = byId.get(documentId);
    if (!document) return;
    const ofItsType = rules.filter((rule) => rule.allowedTypes.includes(document.contentType));
    if (ofItsType.length === 0)
      errors.push({
        field: `documents[${i}].documentId`,
        code: 'document_type_not_for_requirement',
        params: {
          requirement,
          values: [...new Set(rules.flatMap((rule) => rule.allowedTypes))].join(', '),
        },
      });
    else if (ofItsType.every((rule) => document.size > rule.maxBytes))
      errors.push({
        field: `documents[${i}].documentId`,
        code: 'document_too_large_for_requirement',
        params: { requirement, limit: Math.max(...ofItsType.map((rule) => rule.maxBytes)) },
      });
  });
  return errors;
}
