import type { SkmElement } from './skm';

/**
 * The follow-up plan (rencana tindak lanjut) of an SKM period: what a scope (the mall, an
 * agency, a service) will do about its weakest elements, agreed at a public consultation forum
 * (forum konsultasi publik, FKP). Pure: the service stores it, the SKM report prints it.
 */

/** Whose plan: the mall's, an agency's, or one service's. */
export type SatisfactionScope =
  | { kind: 'MALL' }
  | { kind: 'AGENCY'; agencyCode: string }
  | { kind: 'SERVICE'; serviceCode: string };

export const SATISFACTION_SCOPE_KINDS = ['MALL', 'AGENCY', 'SERVICE'] as const;
export type SatisfactionScopeKind = (typeof SATISFACTION_SCOPE_KINDS)[number];

/** A scope as one text (`MALL`, `AGENCY:DUKCAPIL`, `SERVICE:DUKCAPIL-KK`): a stored key. */
export function scopeKey(scope: SatisfactionScope): string {
  switch (scope.kind) {
    case 'MALL':
      return 'MALL';
    case 'AGENCY':
      return `AGENCY:${scope.agencyCode}`;
    case 'SERVICE':
      return `SERVICE:${scope.serviceCode}`;
  }
}

/**
 * Whether a scope is the agency's: the agency itself, or one of its services. A service's code
 * starts with its agency's code and a hyphen (the catalog refuses any other, ADR 0015).
 */
export function scopeIsOfAgency(scope: SatisfactionScope, agencyCode: string): boolean {
  if (scope.kind === 'AGENCY') return scope.agencyCode === agencyCode;
  if (scope.kind === 'SERVICE') return scope.serviceCode.startsWith(`${agencyCode}-`);
  return false;
}

/** The quarters of a year the work is planned in: triwulan (TW) I to IV. */
export const TRIWULAN = ['I', 'II', 'III', 'IV'] as const;
export type Triwulan = (typeof TRIWULAN)[number];

/** A set of quarters in the calendar's order, each once; undefined when one repeats or none. */
export function quarterSet(quarters: readonly Triwulan[]): Triwulan[] | undefined {
  if (quarters.length === 0 || new Set(quarters).size !== quarters.length) return undefined;
  return TRIWULAN.filter((quarter) => quarters.includes(quarter));
}

export const FOLLOW_UP_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * Where an item may go from each status. Work starts or is dropped; work under way is done or
 * dropped; done and dropped are final (a new item is added instead, so the record stays true).
 */
const NEXT: Readonly<Record<FollowUpStatus, readonly FollowUpStatus[]>> = {
  PLANNED: ['IN_PROGRESS', 'DROPPED'],
  IN_PROGRESS: ['DONE', 'DROPPED'],
  DONE: [],
  DROPPED: [],
};

export function canMoveFollowUp(from: FollowUpStatus, to: FollowUpStatus): boolean {
  return NEXT[from].includes(to);
}

/** Bounds of what a plan holds, so a plan and a report stay printable. */
export const FOLLOW_UP_LIMITS = {
  itemsPerPlan: 50,
  activity: 500,
  responsibleUnit: 200,
  evidenceText: 2000,
  evidenceLinks: 10,
  link: 500,
  participants: 100,
  participantName: 120,
  participantAffiliation: 200,
  minutes: 20_000,
} as const;

/** What shows the work was done: a description and/or links to documents, photos, pages. */
export interface FollowUpEvidence {
  text?: string;
  links: string[];
}

export interface FollowUpItem {
  id: string;
  /** The element the item improves: the priority element, by code. */
  element: SkmElement;
  /** The program or activity. */
  activity: string;
  plannedQuarters: Triwulan[];
  responsibleUnit: string;
  status: FollowUpStatus;
  evidence: FollowUpEvidence;
  /** Counts the item's changes: an update names the version it read. */
  version: number;
}

export interface ForumParticipant {
  name: string;
  /** The community group, institution or unit they came for. */
  affiliation?: string;
}

/** The public consultation forum (FKP) that agreed the plan. */
export interface ConsultationForum {
  /** `YYYY-MM-DD`. */
  date: string;
  participants: ForumParticipant[];
  minutes: string;
}

/** What the SKM report prints of a period's plan: the forum that agreed it and its items. */
export interface FollowUpPlanSection {
  forum: ConsultationForum | null;
  items: FollowUpItem[];
}

/** Why a change to an item is refused. */
export type FollowUpRefusal = 'illegal_transition' | 'evidence_required';

/**
 * Checks a change of an item's status: a move the table allows, and DONE only with evidence
 * (its text or a link), since a done item is what the report shows the public.
 */
export function checkFollowUpChange(
  current: Pick<FollowUpItem, 'status'>,
  next: Pick<FollowUpItem, 'status' | 'evidence'>,
): FollowUpRefusal | undefined {
  if (next.status !== current.status && !canMoveFollowUp(current.status, next.status))
    return 'illegal_transition';
  if (next.status === 'DONE' && !next.evidence.text && next.evidence.links.length === 0)
    return 'evidence_required';
  return undefined;
}
