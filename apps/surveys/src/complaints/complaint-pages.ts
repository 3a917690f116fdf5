import { DomainError } from '@satupintu/common';
import {
  COMPLAINT_ESCALATION_STAGES,
  type ComplaintEscalationsPageV1,
  type ComplaintsPageV1,
  type ComplaintFiguresV1,
  type GetComplaintFiguresV1,
  type ListComplaintEscalationsV1,
  type ListComplaintsV1,
} from '@satupintu/contracts';
import { toZonedIso } from '@satupintu/domain';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';
import { complaintItem, type ComplaintRecord } from './complaint-record';
import type {
  ComplaintQuery,
  EscalationQuery,
  FiguresRow,
  ListedEscalation,
} from './complaints.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalidCursor = () => new DomainError('invalid_cursor', 400);

/** The page's query; a cursor this list did not make is the caller's error. */
export function complaintQueryOf(request: ListComplaintsV1): ComplaintQuery {
  let before: ComplaintQuery['before'];
  if (request.cursor) {
    const key = decodeCursor<[string, string]>(request.cursor, ['string', 'string']);
    if (!key || Number.isNaN(Date.parse(key[0])) || !UUID.test(key[1])) throw invalidCursor();
    before = { submittedAt: key[0], id: key[1] };
  }
  return {
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    ...(request.status ? { status: request.status } : {}),
    ...(before ? { before } : {}),
    // One more than asked: whether there is a next page.
    limit: request.limit + 1,
  };
}

export function complaintsPage(rows: ComplaintRecord[], limit: number): ComplaintsPageV1 {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(complaintItem),
    ...(rows.length > limit && last
      ? { nextCursor: encodeCursor([last.submittedAt.toISOString(), last.id]) }
      : {}),
  };
}

export function escalationQueryOf(request: ListComplaintEscalationsV1): EscalationQuery {
  let before: EscalationQuery['before'];
  if (request.cursor) {
    const key = decodeCursor<[string, string, string]>(request.cursor, [
      'string',
      'string',
      'string',
    ]);
    if (
      !key ||
      Number.isNaN(Date.parse(key[0])) ||
      !UUID.test(key[1]) ||
      !(COMPLAINT_ESCALATION_STAGES as readonly string[]).includes(key[2])
    )
      throw invalidCursor();
    before = { escalatedAt: key[0], complaintId: key[1], stage: key[2] };
  }
  return {
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    ...(before ? { before } : {}),
    limit: request.limit + 1,
  };
}

export function escalationsPage(
  rows: ListedEscalation[],
  limit: number,
): ComplaintEscalationsPageV1 {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      complaintNo: row.complaintNo,
      agencyCode: row.agencyCode,
      stage: row.stage,
      deadline: toZonedIso(row.deadline, row.timeZone),
      escalatedAt: toZonedIso(row.escalatedAt, row.timeZone),
      status: row.status,
    })),
    ...(rows.length > limit && last
      ? {
          nextCursor: encodeCursor([last.escalatedAt.toISOString(), last.complaintId, last.stage]),
        }
      : {}),
  };
}

/** At most a year and a day of complaints per question: the aggregate stays small. */
const MAX_FIGURES_DAYS = 367;

export function checkFiguresRange(request: GetComplaintFiguresV1): void {
  const from = Date.parse(`${request.from}T00:00:00Z`);
  const to = Date.parse(`${request.to}T00:00:00Z`);
  const days = (to - from) / 86_400_000;
  if (Number.isNaN(from) || Number.isNaN(to) || !(days >= 1 && days <= MAX_FIGURES_DAYS))
    throw DomainError.validation([{ field: 'to', code: 'invalid_range' }]);
}

export function figuresOf(request: GetComplaintFiguresV1, rows: FiguresRow[]): ComplaintFiguresV1 {
  return {
    from: request.from,
    to: request.to,
    agencies: rows.map((row) => ({
      ...row,
      medianAnswerWorkingDays:
        row.medianAnswerWorkingDays === null ? null : Number(row.medianAnswerWorkingDays),
    })),
  };
}
