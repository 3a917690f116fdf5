import type {
  AttachedDocumentV2,
  ApplicationSubmittedV2,
  BundleCaseV1,
  Channel,
  EventContract,
  IssuedOutputV1,
  SubmitterV2,
} from '@satupintu/contracts';
import { ApplicationSubmitted } from '@satupintu/contracts';
import type { BundleStatus, BundleStepInput, BundleStepStatus } from '@satupintu/domain';
import type { NewApplication, StepDocument } from '../applications/submit-application';
import type { DocumentOwner } from '../documents/document-access';

/**
 * A submitted bundle as intake keeps it: who applies, the one set of data and documents, and
 * its steps. What the submission and the orchestration share lives here.
 */
export interface BundleCaseRecord {
  id: string;
  trackingNo: string;
  bundleCode: string;
  bundleVersion: number;
  status: BundleStatus;
  channel: Channel;
  form: Record<string, string | number | boolean>;
  documents: { requirement: string; documentId: string }[];
  applicantId?: string;
  applicant?: NewApplication['applicant'];
  businessId?: string;
  submittedBy: SubmitterV2;
  /** ISO 8601 UTC. */
  submittedAt: string;
  failedStep?: string;
  failureReason?: string;
  steps: BundleStepRecord[];
}

export interface BundleStepRecord {
  key: string;
  serviceCode: string;
  agencyCode: string;
  agencyTimeZone: string;
  dependsOn: string[];
  inputs: BundleStepInput[];
  status: BundleStepStatus;
  applicationId?: string;
  applicationTrackingNo?: string;
  output?: IssuedOutputV1;
  reason?: string;
}

export interface StepChange {
  status: BundleStepStatus;
  applicationId?: string;
  applicationTrackingNo?: string;
  output?: IssuedOutputV1;
  reason?: string;
}

/** What the bundle use cases write, all inside one transaction with their events. */
export interface BundleWrites {
  /** The case and its steps; false if its tracking number is taken. */
  addCase(bundleCase: BundleCaseRecord): Promise<boolean>;
  /** A step's application; false if its tracking number is taken. */
  addApplication(application: NewApplication): Promise<boolean>;
  /**
   * Attaches the submitter's still unattached documents to the case; answers the ids it did
   * attach (a concurrent submission may have taken one since the check).
   */
  attachDocuments(
    bundleCaseId: string,
    owner: DocumentOwner,
    documents: readonly AttachedDocumentV2[],
  ): Promise<Set<string>>;
  setStep(bundleCaseId: string, stepKey: string, change: StepChange): Promise<void>;
  finishCase(
    bundleCaseId: string,
    status: 'COMPLETED' | 'FAILED',
    failure?: { step: string; reason?: string },
  ): Promise<void>;
  publish<T>(event: EventContract<T>, payload: T): void;
}

export interface Minting {
  newId(): string;
  newTrackingNo(): string;
  now(): Date;
}

/** Random tracking numbers collide about once in 10^12; a few tries is more than enough. */
const TRACKING_NO_ATTEMPTS = 5;

/**
 * Opens a step as an application at its agency, with the bundle's data and documents and, under
 * the requirement each input names, the outputs of the upstream steps: nothing is entered
 * twice. Its ApplicationSubmitted event, like a single submission's, names the bundle and step.
 */
export async function openStep(
  writes: BundleWrites,
  bundleCase: BundleCaseRecord,
  step: BundleStepRecord,
  mint: Minting,
): Promise<void> {
  const applicationId = mint.newId();
  const submittedAt = mint.now().toISOString();
  for (let attempt = 0; attempt < TRACKING_NO_ATTEMPTS; attempt++) {
    const application = stepApplication(bundleCase, step, {
      applicationId,
      trackingNo: mint.newTrackingNo(),
      submittedAt,
    });
    if (!(await writes.addApplication(application))) continue;
    const change: StepChange = {
      status: 'OPEN',
      applicationId,
      applicationTrackingNo: application.trackingNo,
    };
    await writes.setStep(bundleCase.id, step.key, change);
    Object.assign(step, change);
    writes.publish(ApplicationSubmitted, submittedEventOf(application));
    return;
  }
  throw new Error(`no free tracking number after ${TRACKING_NO_ATTEMPTS} attempts`);
}

export function stepApplication(
  bundleCase: BundleCaseRecord,
  step: BundleStepRecord,
  ids: { applicationId: string; trackingNo: string; submittedAt: string },
): NewApplication {
  const upstream: StepDocument[] = step.inputs.map((input) => {
    const from = bundleCase.steps.find((candidate) => candidate.key === input.fromStep)!;
    return {
      requirement: input.asRequirement,
      fromStep: from.key,
      fromApplication: from.applicationTrackingNo!,
      ...(from.output ? { outputNumber: from.output.number } : {}),
      ...(from.output?.documentId ? { documentId: from.output.documentId } : {}),
    };
  });
  // What the government has issued stands in for an upload of the same kind.
  const supplied = new Set(upstream.map((document) => document.requirement));
  return {
    applicationId: ids.applicationId,
    trackingNo: ids.trackingNo,
    serviceCode: step.serviceCode,
    agencyCode: step.agencyCode,
    agencyTimeZone: step.agencyTimeZone,
    channel: bundleCase.channel,
    ...(bundleCase.applicantId ? { applicantId: bundleCase.applicantId } : {}),
    ...(bundleCase.businessId ? { businessId: bundleCase.businessId } : {}),
    submittedBy: bundleCase.submittedBy,
    submittedAt: ids.submittedAt,
    bundleCaseId: bundleCase.id,
    stepKey: step.key,
    ...(bundleCase.applicant ? { applicant: bundleCase.applicant } : {}),
    form: bundleCase.form,
    documents: [
      ...bundleCase.documents.filter((document) => !supplied.has(document.requirement)),
      ...upstream,
    ],
  };
}

/** The event's facts only: no form, no documents, no personal details. */
export function submittedEventOf(application: NewApplication): ApplicationSubmittedV2 {
  return {
    applicationId: application.applicationId,
    trackingNo: application.trackingNo,
    serviceCode: application.serviceCode,
    agencyCode: application.agencyCode,
    agencyTimeZone: application.agencyTimeZone,
    channel: application.channel,
    ...(application.applicantId ? { applicantId: application.applicantId } : {}),
    ...(application.businessId ? { businessId: application.businessId } : {}),
    ...(application.submittedBy ? { submittedBy: application.submittedBy } : {}),
    submittedAt: application.submittedAt,
    ...(application.bundleCaseId ? { bundleCaseId: application.bundleCaseId } : {}),
    ...(application.stepKey ? { stepKey: application.stepKey } : {}),
  };
}

/** The bundle as one case, for its applicant: steps, agencies, statuses, their applications. */
export function bundleCaseView(bundleCase: BundleCaseRecord): BundleCaseV1 {
  return {
    bundleCaseId: bundleCase.id,
    trackingNo: bundleCase.trackingNo,
    bundleCode: bundleCase.bundleCode,
    status: bundleCase.status,
    channel: bundleCase.channel,
    submittedAt: bundleCase.submittedAt,
    ...(bundleCase.failedStep
      ? {
          failure: {
            step: bundleCase.failedStep,
            ...(bundleCase.failureReason ? { reason: bundleCase.failureReason } : {}),
          },
        }
      : {}),
    steps: bundleCase.steps.map((step) => ({
      key: step.key,
      serviceCode: step.serviceCode,
      agencyCode: step.agencyCode,
      dependsOn: step.dependsOn,
      status: step.status,
      ...(step.applicationId && step.applicationTrackingNo
        ? {
            application: {
              applicationId: step.applicationId,
              trackingNo: step.applicationTrackingNo,
            },
          }
        : {}),
      ...(step.output ? { output: step.output } : {}),
    })),
    ...(bundleCase.status === 'COMPLETED'
      ? {
          output: Object.fromEntries(
            bundleCase.steps.filter((step) => step.output).map((step) => [step.key, step.output!]),
          ),
        }
      : {}),
  };
}
