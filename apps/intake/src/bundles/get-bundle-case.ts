import { DomainError } from '@satupintu/common';
import type { BundleCaseV1, Principal } from '@satupintu/contracts';
import { ownerOf } from '../applications/list-applications';
import { bundleCaseView, type BundleCaseRecord } from './bundle-case';

/**
 * A bundle as one case, for whoever may read its applications: its applicant, or the API client
 * that submitted it (with `applications:read`). Anyone else learns nothing, not even that it
 * exists: the same 404 as an unknown number.
 */
export async function getBundleCase(
  principal: Principal,
  trackingNo: string,
  find: (
    trackingNo: string,
  ) => Promise<{ bundleCase: BundleCaseRecord; submittedByClient?: string } | undefined>,
): Promise<BundleCaseV1> {
  const owner = ownerOf(principal);
  const found = await find(trackingNo);
  const mine =
    found &&
    ('applicantId' in owner
      ? found.bundleCase.applicantId === owner.applicantId
      : found.submittedByClient === owner.clientId);
  if (!found || !mine) throw new DomainError('bundle_case_not_found', 404, [], { trackingNo });
  return bundleCaseView(found.bundleCase);
}
