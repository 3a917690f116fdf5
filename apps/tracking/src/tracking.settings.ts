/** What tracking's features read of its configuration, without the whole environment. */
export interface TrackingSettings {
  /** The share of its working days a case has used when it is reported at risk. */
  atRiskShare: number;
  /** Signs and checks the public lookup's tokens (lookup/lookup-token.ts). */
  lookupKey: Buffer;
  /** How often the at-risk and overdue alerts that are due are raised (deadlines/deadline-sweeper.ts). */
  deadlineSweepMs: number;
  /** Keys the HMACs of the second factors the public lookup compares (lookup/lookup-factors.ts). */
  factorKey: Buffer;
}

export const TRACKING_SETTINGS = Symbol('TRACKING_SETTINGS');
