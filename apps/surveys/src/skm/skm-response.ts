import { DomainError, type FieldError } from '@satupintu/common';
import type {
  Principal,
  SkmAnswersV1,
  SubmitKioskSkmResponseV1,
  SubmitSkmResponseV1,
} from '@satupintu/contracts';
import {
  SKM_ELEMENTS,
  localDateOf,
  parseLocalDate,
  type SkmAnswers,
  type SkmElement,
} from '@satupintu/domain';
import { finishedCaseOf } from '../served-cases/finished-case';
import type { ServedCase } from '../served-cases/served-cases.repository';

/** A response ready to store: where it comes from, what it counts for, and its answers by code. */
export interface NewSkmResponse {
  id: string;
  source: 'CASE' | 'KIOSK';
  applicationId: string | null;
  clientId: string | null;
  agencyCode: string;
  serviceCode: string;
  /** Local day of the mall it counts on. */
  day: string;
  answers: SkmAnswers;
  sex: string | null;
  ageBand: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
}

/** The elements answered, in code order: the only way answers leave a request (never by position). */
export function answersOf(given: SkmAnswersV1): SkmAnswers {
  const answers: SkmAnswers = {};
  for (const element of SKM_ELEMENTS) {
    const answer = given[element];
    if (answer !== undefined) answers[element] = answer as 1 | 2 | 3 | 4;
  }
  if (Object.keys(answers).length === 0)
    throw DomainError.validation([{ field: 'answers', code: 'skm_no_answer' }]);
  return answers;
}

export function answeredElements(answers: SkmAnswers): SkmElement[] {
  return SKM_ELEMENTS.filter((element) => answers[element] !== undefined);
}

/** An empty suggestion is none; surrounding blanks are not kept. */
function suggestionOf(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function respondentOf(body: SubmitSkmResponseV1 | SubmitKioskSkmResponseV1) {
  return {
    sex: body.respondent?.sex ?? null,
    ageBand: body.respondent?.ageBand ?? null,
    education: body.respondent?.education ?? null,
    occupation: body.respondent?.occupation ?? null,
    suggestion: suggestionOf(body.suggestion),
  };
}

/** SKM's answers to a case that is not the caller's, or not finished (its published codes). */
const SKM_CASE_REFUSALS = {
  notFound: 'skm_case_not_found',
  notFinished: 'skm_case_not_finished',
} as const;

/**
 * An applicant's response about their case: only theirs, only once it is ISSUED or REJECTED
 * (`finishedCaseOf`, the check SERVQUAL makes too). It counts on the day it is given.
 */
export function caseResponse(
  id: string,
  principal: Principal,
  body: SubmitSkmResponseV1,
  found: ServedCase | undefined,
  now: Date,
  timeZone: string,
): NewSkmResponse {
  const answers = answersOf(body.answers);
  const served = finishedCaseOf(principal, body.trackingNo, found, SKM_CASE_REFUSALS);
  return {
    id,
    source: 'CASE',
    applicationId: served.applicationId,
    clientId: null,
    agencyCode: served.agencyCode,
    serviceCode: served.serviceCode,
    day: localDateOf(now, timeZone),
    answers,
    ...respondentOf(body),
  };
}

/**
 * A kiosk's response, about a service of the agency it names (a service's code starts with its
 * agency's, the catalog's rule) on a day that has come.
 */
export function kioskResponse(
  id: string,
  principal: Principal,
  body: SubmitKioskSkmResponseV1,
  now: Date,
  timeZone: string,
): NewSkmResponse {
  if (principal.kind !== 'client' || !principal.scopes.includes('surveys:kiosk'))
    throw new DomainError('forbidden', 403, [], { resource: 'kiosk SKM responses' });
  if (!parseLocalDate(body.day))
    throw DomainError.validation([{ field: 'day', code: 'must_be_date' }]);
  const answers = answersOf(body.answers);
  const today = localDateOf(now, timeZone);
  const errors: FieldError[] = [
    ...(body.serviceCode.startsWith(`${body.agencyCode}-`)
      ? []
      : [
          {
            field: 'serviceCode',
            code: 'service_of_other_agency',
            params: { agencyCode: body.agencyCode },
          },
        ]),
    ...(body.day > today ? [{ field: 'day', code: 'day_in_future', params: { today } }] : []),
  ];
  if (errors.length) throw DomainError.validation(errors, 422);
  return {
    id,
    source: 'KIOSK',
    applicationId: null,
    clientId: principal.clientId ?? principal.subject ?? null,
    agencyCode: body.agencyCode,
    serviceCode: body.serviceCode,
    day: body.day,
    answers,
    ...respondentOf(body),
  };
}
