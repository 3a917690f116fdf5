import { randomUUID } from 'node:crypto';
import { signPaymentCallback } from '@satupintu/domain';
import { type Answer, type Authorize, ATTEMPTS, failureOf, type Receipt } from './load';

/**
 * What a walk does to a case, in order: the verifier assesses the fee, the bank's callback pays
 * it, the approver approves, then issues.
 */
export const WALK_STEPS = ['COMPLETE_VERIFICATION', 'PAY', 'APPROVE', 'ISSUE'] as const;
export type WalkStep = (typeof WALK_STEPS)[number];

/** The status a step leaves the case in: what its effect is checked by. */
export const STATUS_AFTER: Readonly<Record<WalkStep, string>> = {
  COMPLETE_VERIFICATION: 'AWAITING_PAYMENT',
  PAY: 'IN_REVIEW',
  APPROVE: 'APPROVED',
  ISSUE: 'ISSUED',
};

/** The action the agency records for a step in the case's history. */
export const RECORDED_AS: Readonly<Record<WalkStep, string>> = {
  COMPLETE_VERIFICATION: 'COMPLETE_VERIFICATION',
  PAY: 'CONFIRM_PAYMENT',
  APPROVE: 'APPROVE',
  ISSUE: 'ISSUE',
};

/**
 * The notification identity records for the applicant when a step leaves the case needing them
 * (`case_notifications.kind`); the other steps tell them nothing.
 */
export const TOLD_AS: Readonly<Partial<Record<WalkStep, string>>> = {
  COMPLETE_VERIFICATION: 'AWAITING_PAYMENT',
  ISSUE: 'ISSUED',
};

export interface StepRecord {
  step: WalkStep;
  /** The last attempt's answer. */
  answer: Answer;
  attempts: number;
  /**
   * The system said the step is done: a 200, or (after an attempt whose answer was lost) a 409
   * naming a status the step leads to or beyond, or a callback answered `repeat`.
   */
  acknowledged: boolean;
  detail?: string;
}

export interface Walk {
  applicationId: string;
  trackingNo: string;
  startedAt: number;
  steps: StepRecord[];
  paymentCode?: string;
  /** The bank's callback body, made once: a bank retries the same notice, re-signed. */
  paymentNotice?: string;
}

export interface WalkOptions {
  gatewayUrl: string;
  agencyCode: string;
  /** Walks begun per second. */
  perSecond: number;
  timeoutMs: number;
  verifier: Authorize;
  approver: Authorize;
  /** The secret the agency checks payment callbacks with. */
  callbackSecret: string;
  /** The fee the verifier assesses. */
  amount: number;
  /** The next case to walk (at VERIFYING at the agency), or none left. */
  take: () => Receipt | undefined;
  /** Told of each walk as it begins, before its first step. */
  onWalk?: (walk: Walk) => void;
}

const ORDER = ['VERIFYING', 'AWAITING_PAYMENT', 'IN_REVIEW', 'APPROVED', 'ISSUED'];

/**
 * Whether a 409 `illegal_transition` says the step was done already: the case is at the status
 * the step leads to, or further along. That is what a retry meets when the first attempt was
 * applied but its answer was lost, and a careful client reads it as done.
 */
export function doneAlready(step: WalkStep, problemDetail: string): boolean {
  const current = /The case is ([A-Z_]+);/.exec(problemDetail)?.[1];
  if (!current) return false;
  return ORDER.indexOf(current) >= ORDER.indexOf(STATUS_AFTER[step]);
}

/** What a client retries for a step: no answer, or a service unavailable. */
function worthRetrying(answer: Answer, step: WalkStep): boolean {
  if (typeof answer !== 'number') return true;
  // The first step may come before the agency has the case (it was down a moment ago).
  if (answer === 404) return step === 'COMPLETE_VERIFICATION';
  return answer === 502 || answer === 503 || answer === 504;
}

/**
 * Officers (and the bank) working cases through the gateway at a steady rate while a fault
 * happens: each walk takes one case from VERIFYING to ISSUED through a fee, every step retried
 * as a careful client does, so an answer lost after the step was applied is where a step applied
 * twice would appear. A step that still fails ends its walk; every step's answers are kept.
 */
export class CaseWalks {
  readonly walks: Walk[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private startedAt = 0;

  constructor(private readonly options: WalkOptions) {}

  start(): void {
    this.startedAt = Date.now();
    let begun = 0;
    this.timer = setInterval(() => {
      const due = Math.floor(((Date.now() - this.startedAt) / 1000) * this.options.perSecond);
      while (begun < due) {
        begun += 1;
        const next = this.options.take();
        if (!next) return;
        const walk: Walk = { ...next, startedAt: Date.now(), steps: [] };
        this.walks.push(walk);
        this.options.onWalk?.(walk);
        const running = this.walk(walk).finally(() => this.inFlight.delete(running));
        this.inFlight.add(running);
      }
    }, 50);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.inFlight);
  }

  private async walk(walk: Walk): Promise<void> {
    for (const step of WALK_STEPS) {
      const record: StepRecord = {
        step,
        answer: 'network error',
        attempts: 0,
        acknowledged: false,
      };
      walk.steps.push(record);
      for (;;) {
        record.attempts += 1;
        await this.attempt(walk, record);
        if (record.acknowledged) break;
        if (record.attempts >= ATTEMPTS || !worthRetrying(record.answer, step)) return;
        await new Promise((resolve) => setTimeout(resolve, 1000 * record.attempts));
      }
    }
  }

  private async attempt(walk: Walk, record: StepRecord): Promise<void> {
    const { gatewayUrl, agencyCode, timeoutMs } = this.options;
    try {
      const response =
        record.step === 'PAY'
          ? await this.pay(walk)
          : await fetch(
              `${gatewayUrl}/v1/agencies/${agencyCode}/cases/${walk.trackingNo}/transitions`,
              {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  'accept-language': 'en',
                  ...(await (record.step === 'COMPLETE_VERIFICATION'
                    ? this.options.verifier()
                    : this.options.approver())),
                },
                body: JSON.stringify(
                  record.step === 'COMPLETE_VERIFICATION'
                    ? { action: record.step, amount: this.options.amount }
                    : { action: record.step },
                ),
                signal: AbortSignal.timeout(timeoutMs),
              },
            );
      const text = await response.text();
      record.answer = response.status;
      record.detail = text.slice(0, 300);
      if (response.status === 200) {
        record.acknowledged = true;
        if (record.step === 'COMPLETE_VERIFICATION') {
          walk.paymentCode = (JSON.parse(text) as { payment?: { code?: string } }).payment?.code;
        }
      } else if (response.status === 409 && record.step !== 'PAY') {
        const detail = (JSON.parse(text) as { detail?: string }).detail ?? '';
        record.acknowledged = record.attempts > 1 && doneAlready(record.step, detail);
        // The code to pay was in the answer that was lost: the case says it.
        if (record.acknowledged && record.step === 'COMPLETE_VERIFICATION')
          walk.paymentCode = await this.currentPaymentCode(walk);
      }
    } catch (error) {
      record.answer = failureOf(error);
      record.detail = String(error).slice(0, 300);
    }
  }

  /** The case's payment code as the agency shows it to its verifier (undefined if unreadable). */
  private async currentPaymentCode(walk: Walk): Promise<string | undefined> {
    const { gatewayUrl, agencyCode, timeoutMs } = this.options;
    try {
      const response = await fetch(
        `${gatewayUrl}/v1/agencies/${agencyCode}/cases/${walk.trackingNo}`,
        { headers: await this.options.verifier(), signal: AbortSignal.timeout(timeoutMs) },
      );
      if (response.status !== 200) return undefined;
      return ((await response.json()) as { payment?: { code?: string } }).payment?.code;
    } catch {
      return undefined;
    }
  }

  /** The bank's callback for the case's payment code, signed as ADR 0022 says. */
  private pay(walk: Walk): Promise<Response> {
    const { gatewayUrl, agencyCode, timeoutMs, callbackSecret, amount } = this.options;
    // A lost answer to COMPLETE_VERIFICATION leaves no code to pay: the walk ends there.
    if (!walk.paymentCode) return Promise.resolve(new Response('no payment code', { status: 400 }));
    walk.paymentNotice ??= JSON.stringify({
      paymentCode: walk.paymentCode,
      amount,
      paidAt: new Date().toISOString(),
      reference: `CHAOS-${randomUUID().slice(0, 8)}`,
    });
    const body = walk.paymentNotice;
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${gatewayUrl}/v1/agencies/${agencyCode}/payments/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'payment-timestamp': String(timestamp),
        'payment-signature': signPaymentCallback(callbackSecret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  }
}

/** `32 walks: 28 issued, 4 ended early (503×3, timeout×1); 118 steps, 9 retried` */
export function describeWalks(walks: readonly Walk[]): string {
  if (walks.length === 0) return '0 walks';
  const issued = walks.filter(
    (walk) => walk.steps.length === WALK_STEPS.length && walk.steps.every((s) => s.acknowledged),
  ).length;
  const endings = new Map<string, number>();
  for (const walk of walks) {
    const last = walk.steps[walk.steps.length - 1];
    if (last && !last.acknowledged) {
      const key = `${last.step} ${String(last.answer)}`;
      endings.set(key, (endings.get(key) ?? 0) + 1);
    }
  }
  const steps = walks.flatMap((walk) => walk.steps);
  const retried = steps.filter((step) => step.attempts > 1).length;
  const ended = [...endings].map(([key, n]) => `${key}×${n}`).join(', ');
  return (
    `${walks.length} walks: ${issued} issued` +
    (ended ? `, ${walks.length - issued} ended early (${ended})` : '') +
    `; ${steps.length} steps, ${retried} retried`
  );
}
