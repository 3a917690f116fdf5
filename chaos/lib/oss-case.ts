import type { Walk, WalkStep } from './walks';

/**
 * What OSS RBA must have acknowledged of a walked case that came from it (ADR 0031): its
 * `kd_status` reports, then the permit (`receiveLicense`), in this order, each once. SUBMITTED
 * (09) and VERIFYING (10) before any step; then one or two reports per step.
 */
export const OSS_LIFE = ['09', '10', '30', '31', '20', '50', 'license'] as const;

const OWED_AFTER: Readonly<Record<WalkStep, number>> = {
  COMPLETE_VERIFICATION: 3,
  PAY: 5,
  APPROVE: 6,
  ISSUE: 7,
};

/** How many of `OSS_LIFE` the steps the walk got acknowledged make OSS owed. Pure. */
export function reportsOwed(walk: Pick<Walk, 'steps'> | undefined): number {
  const done = (walk?.steps ?? []).filter((step) => step.acknowledged).map((s) => s.step);
  return Math.max(2, ...done.map((step) => OWED_AFTER[step]));
}

export interface OssJudgement {
  lost: number;
  twice: number;
  reasons: string[];
}

/**
 * The reports OSS acknowledged (in the order it did) against those it is owed: each of the
 * owed once and in order is right; one acknowledged twice is processed twice; one owed and
 * missing (or out of order) is lost. Reports beyond those owed, in order, are a step applied
 * whose answer the walk never got: not a fault. Pure.
 */
export function judgeOssReports(acknowledged: readonly string[], owed: number): OssJudgement {
  const reasons: string[] = [];
  const seen = new Map<string, number>();
  for (const code of acknowledged) seen.set(code, (seen.get(code) ?? 0) + 1);
  const twice = [...seen.values()].reduce((n, count) => n + Math.max(0, count - 1), 0);
  if (twice > 0) reasons.push(`OSS acknowledged reports more than once: ${acknowledged.join(' ')}`);
  const once = [...seen.keys()];
  const inOrder = once.every((code, i) => code === OSS_LIFE[i]);
  let lost = 0;
  if (!inOrder) {
    lost = owed;
    reasons.push(`OSS acknowledged reports out of order: ${once.join(' ')}`);
  } else if (once.length < owed) {
    lost = owed - once.length;
    reasons.push(
      `OSS never acknowledged ${OSS_LIFE.slice(once.length, owed).join(' ')} (it has ${once.join(' ') || 'nothing'})`,
    );
  }
  return { lost, twice, reasons };
}
