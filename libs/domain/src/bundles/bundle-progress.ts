import type { ApplicationStatus } from '../application-status/application-status';

/**
 * How a submitted bundle moves: its steps wait for their dependencies, open as applications
 * once every dependency is issued, and end issued, rejected or cancelled. One rejected (or
 * withdrawn) step fails the whole bundle; every step issued completes it.
 */
export const BUNDLE_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];

export const BUNDLE_STEP_STATUSES = [
  'WAITING',
  'OPEN',
  'ISSUED',
  'REJECTED',
  'WITHDRAWN',
  'CANCELLED',
] as const;
export type BundleStepStatus = (typeof BUNDLE_STEP_STATUSES)[number];

export interface BundleStepState {
  key: string;
  dependsOn: readonly string[];
  status: BundleStepStatus;
}

export type BundleDecision =
  /** Nothing changes: a status on the way, or news about a step or bundle already over. */
  | { kind: 'none' }
  /** The step is issued; `open` are the steps now ready; `completed` if it was the last. */
  | { kind: 'issued'; step: string; open: string[]; completed: boolean }
  /** The step ended without output: the bundle fails, the rest is cancelled. */
  | {
      kind: 'failed';
      step: string;
      status: 'REJECTED' | 'WITHDRAWN';
      cancelWaiting: string[];
      cancelOpen: string[];
    };

/** The steps a new bundle opens at once: those that depend on nothing. */
export function firstSteps(
  steps: readonly { key: string; dependsOn: readonly string[] }[],
): string[] {
  return steps.filter((step) => step.dependsOn.length === 0).map((step) => step.key);
}

/**
 * What the bundle does when the agency of one of its open steps moves that step's application
 * to `status`. Only an open step of a bundle in progress can change anything, so a repeated or
 * late event (a step issued after the bundle failed and the step was cancelled) changes nothing.
 */
export function decideOnStepStatus(
  bundle: BundleStatus,
  steps: readonly BundleStepState[],
  stepKey: string,
  status: ApplicationStatus,
): BundleDecision {
  const step = steps.find((candidate) => candidate.key === stepKey);
  if (bundle !== 'IN_PROGRESS' || step?.status !== 'OPEN') return { kind: 'none' };

  if (status === 'ISSUED') {
    const issued = new Set(steps.filter((s) => s.status === 'ISSUED').map((s) => s.key));
    issued.add(stepKey);
    const open = steps
      .filter((s) => s.status === 'WAITING' && s.dependsOn.every((d) => issued.has(d)))
      .map((s) => s.key);
    return { kind: 'issued', step: stepKey, open, completed: issued.size === steps.length };
  }

  if (status === 'REJECTED' || status === 'WITHDRAWN') {
    return {
      kind: 'failed',
      step: stepKey,
      status,
      cancelWaiting: steps.filter((s) => s.status === 'WAITING').map((s) => s.key),
      cancelOpen: steps.filter((s) => s.status === 'OPEN' && s.key !== stepKey).map((s) => s.key),
    };
  }
  return { kind: 'none' };
}
