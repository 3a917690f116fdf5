import type { SubscriptionKeeping } from '@satupintu/webhooks';
import type { OssReportSettings } from './status-reports';

export const OSS_REPORTS_SETTINGS = Symbol('OSS_REPORTS_SETTINGS');

export interface OssReportsSettings {
  /** Empty: nothing is reported. */
  baseUrl: string;
  keeping: SubscriptionKeeping;
  mall: OssReportSettings;
}
