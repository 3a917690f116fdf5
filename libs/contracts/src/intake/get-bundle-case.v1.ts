import { IsDefined, IsString, Matches } from 'class-validator';
import type { Channel } from '../channels';
import { defineRequest } from '../contract';
import type { IssuedOutputV1 } from '../agency/application-status-changed.v1';

/** A submitted bundle, by its own tracking number: for its applicant, or the client that submitted it. */
export class GetBundleCaseV1 {
  @IsDefined()
  @IsString()
  @Matches(/^[0-9A-Z]{9}$/)
  trackingNo: string;
}

export type BundleCaseStatusV1 = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export type BundleStepStatusV1 =
  'WAITING' | 'OPEN' | 'ISSUED' | 'REJECTED' | 'WITHDRAWN' | 'CANCELLED';

export interface BundleCaseStepV1 {
  key: string;
  serviceCode: string;
  agencyCode: string;
  dependsOn: string[];
  status: BundleStepStatusV1;
  /** The step's application, once opened. */
  application?: { applicationId: string; trackingNo: string };
  output?: IssuedOutputV1;
}

/** A bundle as one case: its steps at their agencies, and the joint output once complete. */
export interface BundleCaseV1 {
  bundleCaseId: string;
  /** Canonical tracking number of the whole bundle, check character last. */
  trackingNo: string;
  bundleCode: string;
  status: BundleCaseStatusV1;
  channel: Channel;
  /** ISO 8601 UTC. */
  submittedAt: string;
  /** Why the bundle failed: the rejected step's agency's reason. */
  failure?: { step: string; reason?: string };
  steps: BundleCaseStepV1[];
  /** When COMPLETED: every step's output, by step key. */
  output?: Record<string, IssuedOutputV1>;
}

export const GetBundleCase = defineRequest<GetBundleCaseV1, BundleCaseV1>({
  subject: 'intake.bundle-case.get.v1',
  service: 'intake',
  payload: GetBundleCaseV1,
});
