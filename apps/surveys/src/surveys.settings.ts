import type { SkmWeightRule } from '@satupintu/domain';

/** What the surveys features read of the configuration, without the whole environment. */
export interface SurveysSettings {
  /** The SKM weight rule answered when a request names none (`SKM_WEIGHT_RULE`). */
  weightRule: SkmWeightRule;
  /** The mall's IANA time zone: SKM periods are its local days (`MALL_TIME_ZONE`). */
  timeZone: string;
}

export const SURVEYS_SETTINGS = Symbol('SURVEYS_SETTINGS');
