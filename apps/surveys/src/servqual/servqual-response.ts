import { DomainError, type FieldError } from '@satupintu/common';
import { requireScopeManager } from '../follow-up/follow-up-access';
import type { Principal, ServqualResultsV1, SubmitServqualResponseV1 } from '@satupintu/contracts';
import {
  SERVQUAL_ITEMS,
  localDateOf,
  servqualDimensionOf,
  type SkmPeriod,
} from '@satupintu/domain';
import { finishedCaseOf } from '../served-cases/finished-case';
import type { ServedCase } from '../served-cases/served-cases.repository';
import type { NewServqualResponse } from './servqual.repository';

/** The API client scope of a kiosk that takes surveys (identity gives it to KIOSK clients). */
export const KIOSK_SCOPE = 'surveys:kiosk';

/** Who answers: an applicant for a case of theirs, or a kiosk for a service and a day. */
export type ServqualSource =
  | { kind: 'APPLICANT'; trackingNo: string }
  | { kind: 'KIOSK'; clientId: string; serviceCode: string; day: string };

/**
 * The source of a response from its caller and body: an applicant names a case (`trackingNo`
 * only), a kiosk client a service and the day (`serviceCode` and `day` only, a real day not after
 * `today`). Anyone else is refused, anonymous 401, others 403.
 */
export function servqualSourceOf(
  principal: Principal,
  input: SubmitServqualResponseV1,
  today: string,
): ServqualSource {
  const refused = () => DomainError.validation([{ field: 'trackingNo', code: 'servqual_source' }]);
  if (principal.kind === 'applicant') {
    if (!input.trackingNo || input.serviceCode || input.day) throw refused();
    return { kind: 'APPLICANT', trackingNo: input.trackingNo };
  }
  if (principal.kind === 'client' && principal.scopes.includes(KIOSK_SCOPE)) {
    if (input.trackingNo || !input.serviceCode || !input.day)
      throw DomainError.validation([{ field: 'serviceCode', code: 'servqual_source' }]);
    if (!isRealDay(input.day))
      throw DomainError.validation([{ field: 'day', code: 'must_be_date' }]);
    if (input.day > today)
      throw DomainError.validation([{ field: 'day', code: 'day_in_future', params: { today } }]);
    return {
      kind: 'KIOSK',
      clientId: principal.clientId ?? principal.subject ?? 'kiosk',
      serviceCode: input.serviceCode,
      day: input.day,
    };
  }
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'SERVQUAL responses' });
  throw new DomainError('forbidden', 403, [], { resource: 'SERVQUAL responses' });
}

/** SERVQUAL's answers to a case not the caller's, or not finished (its published codes). */
const SERVQUAL_CASE_REFUSALS = {
  notFound: 'application_not_found',
  notFinished: 'servqual_case_not_finished',
} as const;

/**
 * An applicant's response about a case of theirs, checked as SKM checks one (`finishedCaseOf`,
 * over surveys' `served_cases`): once, after it is ISSUED or REJECTED. It counts for the case's
 * service on the mall's local day the case ended, the day SKM counts it served.
 */
export function applicantServqualResponse(
  principal: Principal,
  trackingNo: string,
  found: ServedCase | undefined,
  timeZone: string,
  answers: SubmitServqualResponseV1['answers'],
): NewServqualResponse {
  const served = finishedCaseOf(principal, trackingNo, found, SERVQUAL_CASE_REFUSALS);
  return {
    serviceCode: served.serviceCode,
    day: localDateOf(served.finishedAt, timeZone),
    source: 'APPLICANT',
    trackingNo: served.trackingNo,
    answers,
  };
}

/**
 * Who reads a service's results: the mall's survey analysts and admins (every service), and the
 * admins of the service's agency.
 */
export function requireResultsReader(principal: Principal, serviceCode: string): void {
  if (principal.kind === 'officer' && principal.roles.includes('SURVEY_ANALYST')) return;
  requireScopeManager(principal, { kind: 'SERVICE', serviceCode }, 'SERVQUAL results');
}

/** Each item answered once at most (the contract bounds the items and the 1–5 answers). */
export function checkServqualAnswers(answers: SubmitServqualResponseV1['answers']): void {
  const seen = new Set<number>();
  const errors: FieldError[] = [];
  answers.forEach((answer, index) => {
    if (seen.has(answer.item))
      errors.push({
        field: `answers.${index}.item`,
        code: 'item_repeated',
        params: { item: answer.item },
      });
    seen.add(answer.item);
  });
  if (errors.length > 0) throw DomainError.validation(errors);
}

function isRealDay(text: string): boolean {
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

/** What the database aggregated: per item, per dimension, and the respondents. */
export interface ServqualAggregate {
  respondents: number;
  items: { item: number; answered: number; expectation: number; perception: number; gap: number }[];
  dimensions: { dimension: ServqualResultsV1['dimensions'][number]['dimension']; gap: number }[];
}

/** The answer: every item and dimension, those nobody answered without figures. */
export function servqualResults(
  serviceCode: string,
  period: SkmPeriod,
  aggregate: ServqualAggregate,
): ServqualResultsV1 {
  const byItem = new Map(aggregate.items.map((row) => [row.item, row]));
  const byDimension = new Map(aggregate.dimensions.map((row) => [row.dimension, row.gap]));
  return {
    serviceCode,
    period: period.label,
    from: period.start,
    until: period.end,
    respondents: aggregate.respondents,
    items: Array.from({ length: SERVQUAL_ITEMS }, (_, i) => {
      const item = i + 1;
      const dimension = servqualDimensionOf(item);
      const row = byItem.get(item);
      return row
        ? {
            item,
            dimension,
            answered: row.answered,
            expectation: row.expectation,
            perception: row.perception,
            gap: row.gap,
          }
        : { item, dimension, answered: 0 };
    }),
    dimensions: (
      ['TANGIBLES', 'RELIABILITY', 'RESPONSIVENESS', 'ASSURANCE', 'EMPATHY'] as const
    ).map((dimension) => {
      const gap = byDimension.get(dimension);
      return gap === undefined ? { dimension } : { dimension, gap };
    }),
  };
}
