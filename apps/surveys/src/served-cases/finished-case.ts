import { DomainError, type ProblemCode } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import type { ServedCase } from './served-cases.repository';

/** A case a survey may be answered about: the caller's own, ended ISSUED or REJECTED. */
export interface FinishedCase {
  applicationId: string;
  trackingNo: string;
  agencyCode: string;
  serviceCode: string;
  finishedStatus: 'ISSUED' | 'REJECTED';
  finishedAt: Date;
}

/** The codes an instrument answers its two refusals with (each keeps its published ones). */
export interface FinishedCaseRefusals {
  /** 404: not the caller's case, or one surveys has not heard of. */
  notFound: ProblemCode;
  /** 409: the caller's case, not ended yet. */
  notFinished: ProblemCode;
}

/**
 * The one check of every survey about a case (SKM, SERVQUAL), against surveys' own
 * `served_cases`, fed by intake's and the agencies' events: only its applicant, and only once it
 * is ISSUED or REJECTED. Anyone else's case, or one whose submission surveys has not heard yet,
 * is not found: a tracking number is no way to learn whose case it is, nor whether it exists.
 */
export function finishedCaseOf(
  principal: Principal,
  trackingNo: string,
  found: ServedCase | undefined,
  refusals: FinishedCaseRefusals,
): FinishedCase {
  if (
    !found ||
    principal.kind !== 'applicant' ||
    !found.applicantId ||
    found.applicantId !== principal.subject ||
    !found.serviceCode
  )
    throw new DomainError(refusals.notFound, 404, [], { trackingNo });
  if (!found.finishedStatus || !found.finishedAt)
    throw new DomainError(refusals.notFinished, 409, [], { trackingNo });
  return {
    applicationId: found.applicationId,
    trackingNo: found.trackingNo,
    agencyCode: found.agencyCode,
    serviceCode: found.serviceCode,
    finishedStatus: found.finishedStatus,
    finishedAt: found.finishedAt,
  };
}
