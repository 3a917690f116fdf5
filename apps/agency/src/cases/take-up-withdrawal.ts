import type { ApplicationCancelledV1, ApplicationWithdrawnV1 } from '@satupintu/contracts';
import {
  type TakeUp,
  type TakeUpResubmissionPorts,
  takeUpApplicantAction,
} from './take-up-resubmission';

/**
 * The applicant withdrew in intake: the agency stops work on the case (WITHDRAW, undecided →
 * WITHDRAWN, reason `withdrawn by the applicant`) and says so on the shared timeline. A case
 * already decided (approved, issued, rejected) stays as it is: the withdrawal came too late.
 */
export function takeUpWithdrawal(
  agencyCode: string,
  withdrawn: ApplicationWithdrawnV1,
  ports: TakeUpResubmissionPorts,
): Promise<TakeUp> {
  return takeUpApplicantAction(
    agencyCode,
    withdrawn,
    'WITHDRAW',
    'withdrawn by the applicant',
    ports,
  );
}

/**
 * Another step of the applicant's bundle failed, so intake cancelled this one (PRODUCT.md: later
 * steps are cancelled): the agency stops work on it as if withdrawn, naming the step that
 * failed, since no one will collect its output.
 */
export function takeUpCancellation(
  agencyCode: string,
  cancelled: ApplicationCancelledV1,
  ports: TakeUpResubmissionPorts,
): Promise<TakeUp> {
  return takeUpApplicantAction(
    agencyCode,
    cancelled,
    'WITHDRAW',
    `bundle failed at step ${cancelled.failedStep}`,
    ports,
  );
}
