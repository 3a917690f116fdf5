import type { FormProblem } from '../service-standard/validate-form';

/** Why a visitor comes: a service (to apply or ask), or an application of theirs. */
export type VisitPurpose = 'APPLY' | 'HAND_IN_DOCUMENTS' | 'COLLECT_OUTPUT';

/**
 * A ticket to hand in documents or collect an output names the application (its tracking
 * number); one to apply for or ask about a service names none, since there is none yet.
 */
export function purposeProblems(
  purpose: VisitPurpose,
  trackingNo: string | undefined,
): FormProblem[] {
  if (purpose === 'APPLY')
    return trackingNo ? [{ field: 'trackingNo', code: 'tracking_no_not_for_purpose' }] : [];
  return trackingNo ? [] : [{ field: 'trackingNo', code: 'tracking_no_required' }];
}
