import type { SkmElement } from './skm';

/** The quarters of the year a follow-up item is planned in (triwulan I–IV). */
export const FOLLOW_UP_QUARTERS = ['TW_I', 'TW_II', 'TW_III', 'TW_IV'] as const;
export type FollowUpQuarter = (typeof FOLLOW_UP_QUARTERS)[number];

export const FOLLOW_UP_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** One item of the follow-up plan (rencana tindak lanjut) for a weak element. */
export interface FollowUpItem {
  /** The element the item improves: a priority, usually among the weakest. */
  priorityElement: SkmElement;
  /** The programme or activity (program/kegiatan). */
  programme: string;
  /** When it is planned, TW I–IV of the year. */
  quarters: FollowUpQuarter[];
  /** The unit answerable for it (penanggung jawab). */
  responsibleUnit: string;
  status: FollowUpStatus;
  /** What shows it done (a document, a photo, a link); absent until there is some. */
  evidence?: string;
}

/** The public consultation forum (forum konsultasi publik, FKP) that agreed the plan. */
export interface PublicConsultationForum {
  /** Its local date, `YYYY-MM-DD`. */
  date: string;
  /** Who took part (bodies and groups, not private persons' names). */
  participants: string[];
  /** Its minutes (notulen), as text. */
  minutes: string;
}

/**
 * The follow-up section of an SKM report for one scope and period: the plan's items and the
 * forum that agreed it. Empty (no items, no forum) until a plan is recorded.
 */
export interface FollowUpPlanSection {
  items: FollowUpItem[];
  forum?: PublicConsultationForum;
}

export function emptyFollowUpPlan(): FollowUpPlanSection {
  return { items: [] };
}
