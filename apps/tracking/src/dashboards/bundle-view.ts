import type { BundleStatusChangedV1 } from '@satupintu/contracts';
import { localDateOf, workingDaysBetween, type WorkingDayCalendar } from '@satupintu/domain';

/** A bundle that ended, as the dashboards count it. */
export interface BundleView {
  bundleCaseId: string;
  trackingNo: string;
  bundleCode: string;
  status: BundleStatusChangedV1['status'];
  /** Its first step's agency's zone: the one its periods and working days are counted in. */
  timeZone: string;
  /** Its earliest step's submission; null when no step of it is known here. */
  startedAt: Date | null;
  completedAt: Date;
  /** Working days from `startedAt` to `completedAt`, counted as a case's completion is. */
  endToEndDays: number | null;
}

/** The first step's submission and its agency's zone, when tracking has any step of the bundle. */
export interface BundleStart {
  submittedAt: Date;
  agencyTimeZone: string;
}

/** Where the mall has no better answer, as the read model's migration assumed. */
const MALL_TIME_ZONE = 'Asia/Jakarta';

export function bundleView(
  event: BundleStatusChangedV1,
  start: BundleStart | undefined,
  calendar: WorkingDayCalendar,
): BundleView {
  const timeZone = start?.agencyTimeZone ?? MALL_TIME_ZONE;
  const completedAt = new Date(event.changedAt);
  return {
    bundleCaseId: event.bundleCaseId,
    trackingNo: event.trackingNo,
    bundleCode: event.bundleCode,
    status: event.status,
    timeZone,
    startedAt: start?.submittedAt ?? null,
    completedAt,
    endToEndDays: start
      ? workingDaysBetween(
          localDateOf(start.submittedAt, timeZone),
          localDateOf(completedAt, timeZone),
          calendar,
        )
      : null,
  };
}
