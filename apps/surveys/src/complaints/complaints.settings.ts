/** What the complaints feature takes from the surveys configuration. */
export interface ComplaintsSettings {
  /** Seals the follow secret in a kept Idempotency-Key answer. */
  answerKey: Buffer;
  sweepMs: number;
}

export const COMPLAINTS_SETTINGS = Symbol('COMPLAINTS_SETTINGS');
