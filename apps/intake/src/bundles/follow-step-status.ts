import {
  ApplicationCancelled,
  BundleStatusChanged,
  type ApplicationStatusChangedV1,
} from '@satupintu/contracts';
import { decideOnStepStatus } from '@satupintu/domain';
import { openStep, type BundleCaseRecord, type BundleWrites, type Minting } from './bundle-case';

export interface FollowStepStatusPorts extends BundleWrites, Minting {
  /** The bundle and step an application is, if it is one. */
  stepOf(applicationId: string): Promise<{ bundleCaseId: string } | undefined>;
  /** The case with its steps, locked until the transaction ends: one decision at a time. */
  lockCase(bundleCaseId: string): Promise<BundleCaseRecord>;
}

/**
 * The orchestration: an agency moved a step's application. ISSUED records the step's output and
 * opens every step whose dependencies are now all issued, handing them the upstream outputs;
 * the last issued completes the bundle. REJECTED (or WITHDRAWN) fails the bundle with the
 * agency's reason: waiting steps are cancelled, open ones are cancelled and their agencies told
 * (ApplicationCancelled), and the applicant is told (BundleStatusChanged). Runs inside the
 * consumer's transaction, with the inbox row of the event, so it happens exactly once.
 */
export async function followStepStatus(
  event: ApplicationStatusChangedV1,
  ports: FollowStepStatusPorts,
): Promise<void> {
  const step = await ports.stepOf(event.applicationId);
  if (!step) return;
  const bundleCase = await ports.lockCase(step.bundleCaseId);
  const stepKey = bundleCase.steps.find((s) => s.applicationId === event.applicationId)!.key;
  const decision = decideOnStepStatus(bundleCase.status, bundleCase.steps, stepKey, event.to);
  const at = ports.now().toISOString();
  const stepNamed = (key: string) => bundleCase.steps.find((s) => s.key === key)!;

  switch (decision.kind) {
    case 'none':
      return;
    case 'issued': {
      const issued = stepNamed(decision.step);
      issued.status = 'ISSUED';
      if (event.output)
        issued.output = {
          number: event.output.number,
          ...(event.output.documentId ? { documentId: event.output.documentId } : {}),
        };
      await ports.setStep(bundleCase.id, issued.key, {
        status: 'ISSUED',
        ...(issued.output ? { output: issued.output } : {}),
      });
      for (const key of decision.open) await openStep(ports, bundleCase, stepNamed(key), ports);
      if (decision.completed) {
        await ports.finishCase(bundleCase.id, 'COMPLETED');
        ports.publish(BundleStatusChanged, {
          bundleCaseId: bundleCase.id,
          trackingNo: bundleCase.trackingNo,
          bundleCode: bundleCase.bundleCode,
          ...(bundleCase.applicantId ? { applicantId: bundleCase.applicantId } : {}),
          status: 'COMPLETED',
          changedAt: at,
        });
      }
      return;
    }
    case 'failed': {
      const reason = event.reason?.slice(0, 2000);
      await ports.setStep(bundleCase.id, decision.step, {
        status: decision.status,
        ...(reason ? { reason } : {}),
      });
      for (const key of decision.cancelWaiting)
        await ports.setStep(bundleCase.id, key, { status: 'CANCELLED' });
      for (const key of decision.cancelOpen) {
        const open = stepNamed(key);
        await ports.setStep(bundleCase.id, key, { status: 'CANCELLED' });
        ports.publish(ApplicationCancelled, {
          applicationId: open.applicationId!,
          trackingNo: open.applicationTrackingNo!,
          agencyCode: open.agencyCode,
          cause: 'BUNDLE_FAILED',
          bundleCaseId: bundleCase.id,
          failedStep: decision.step,
          cancelledAt: at,
        });
      }
      await ports.finishCase(bundleCase.id, 'FAILED', {
        step: decision.step,
        ...(reason ? { reason } : {}),
      });
      ports.publish(BundleStatusChanged, {
        bundleCaseId: bundleCase.id,
        trackingNo: bundleCase.trackingNo,
        bundleCode: bundleCase.bundleCode,
        ...(bundleCase.applicantId ? { applicantId: bundleCase.applicantId } : {}),
        status: 'FAILED',
        failedStep: decision.step,
        ...(reason ? { reason } : {}),
        changedAt: at,
      });
      return;
    }
  }
}
