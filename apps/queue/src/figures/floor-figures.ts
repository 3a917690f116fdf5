import { DomainError } from '@satupintu/common';
import {
  MAX_FLOOR_FIGURES_DAYS,
  type FloorFiguresReportV1,
  type FloorFiguresV1,
  type GetFloorFiguresV1,
  type Principal,
} from '@satupintu/contracts';
import { agencyCaseAccess } from '@satupintu/domain';

const AGENCY_ADMINS = new Set(['AGENCY_ADMIN']);

/**
 * The floor's figures, as the other dashboards (ADR 0029, 0034): the whole mall to a mall admin;
 * an agency to its admin or a mall admin. An API client is never let in.
 */
export function requireFiguresReader(principal: Principal, agencyCode: string | undefined): void {
  const access =
    principal.kind === 'anonymous'
      ? 'unauthenticated'
      : principal.kind !== 'officer'
        ? 'forbidden'
        : agencyCode !== undefined
          ? agencyCaseAccess(principal, agencyCode, AGENCY_ADMINS)
          : principal.roles.includes('MALL_ADMIN')
            ? 'allowed'
            : 'forbidden';
  if (access === 'allowed') return;
  throw new DomainError(access, access === 'unauthenticated' ? 401 : 403, [], {
    resource: agencyCode ? `queue figures of ${agencyCode}` : 'queue figures',
  });
}

/** A day of the calendar (not 2026-02-30), as midnight UTC; NaN if there is none. */
const dayOf = (day: string): number => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(day) ? ms : NaN;
};

/** Real days, `to` after `from` and at most a year and a day after it. */
export function checkFiguresRange({ from, to }: GetFloorFiguresV1): void {
  const bad = (['from', 'to'] as const).filter((field) => Number.isNaN(dayOf({ from, to }[field])));
  if (bad.length > 0)
    throw DomainError.validation(bad.map((field) => ({ field, code: 'must_be_date' })));
  const days = (dayOf(to) - dayOf(from)) / 86_400_000;
  if (!(days >= 1 && days <= MAX_FLOOR_FIGURES_DAYS))
    throw DomainError.validation([
      { field: 'to', code: 'invalid_range', params: { max: MAX_FLOOR_FIGURES_DAYS } },
    ]);
}

/** One grouping set's row as the database gives it: counts, and seconds that may be text. */
export interface FiguresRow {
  agencyCode: string | null;
  serviceCode: string | null;
  hour: number | null;
  /** Which grouping set: 'total', 'agency', 'service' or 'hour'. */
  grouping: 'total' | 'agency' | 'service' | 'hour';
  tickets: number;
  called: number;
  served: number;
  noShows: number;
  meanWaitSeconds: string | number | null;
  medianWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  meanServiceSeconds: string | number | null;
  medianServiceSeconds: number | null;
  p90ServiceSeconds: number | null;
}

const seconds = (value: string | number | null): number | null =>
  value === null ? null : Number(value);

function figuresOf(row: FiguresRow): FloorFiguresV1 {
  const finished = row.served + row.noShows;
  return {
    tickets: row.tickets,
    called: row.called,
    served: row.served,
    noShows: row.noShows,
    noShowRate: finished === 0 ? null : row.noShows / finished,
    meanWaitSeconds: seconds(row.meanWaitSeconds),
    medianWaitSeconds: seconds(row.medianWaitSeconds),
    p90WaitSeconds: seconds(row.p90WaitSeconds),
    meanServiceSeconds: seconds(row.meanServiceSeconds),
    medianServiceSeconds: seconds(row.medianServiceSeconds),
    p90ServiceSeconds: seconds(row.p90ServiceSeconds),
  };
}

/** The report from the rows of the four grouping sets (ordered by their keys already). */
export function figuresReport(
  request: GetFloorFiguresV1,
  rows: FiguresRow[],
): FloorFiguresReportV1 {
  const of = (grouping: FiguresRow['grouping']) => rows.filter((row) => row.grouping === grouping);
  return {
    from: request.from,
    to: request.to,
    ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    // The empty grouping set answers a row even over no tickets.
    total: figuresOf(of('total')[0]),
    agencies: of('agency').map((row) => ({ agencyCode: row.agencyCode!, ...figuresOf(row) })),
    services: of('service').map((row) => ({
      agencyCode: row.agencyCode!,
      serviceCode: row.serviceCode!,
      ...figuresOf(row),
    })),
    hours: of('hour').map((row) => ({
      agencyCode: row.agencyCode!,
      hour: row.hour!,
      ...figuresOf(row),
    })),
  };
}
