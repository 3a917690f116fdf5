import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateWorkingDayCalendar1764900000700 } from '@satupintu/platform';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { KeepWebhookAnswers1765800000500 } from '@satupintu/webhooks';
import { CreateTimeline1763856000300 } from './1763856000300-create-timeline';
import { RecordApplicationOwners1764500000700 } from './1764500000700-record-application-owners';
import { KeepPaymentsOnTimeline1765500000300 } from './1765500000300-keep-payments-on-timeline';
import { ProjectCases1765700000100 } from './1765700000100-project-cases';
import { ReadModelVersion1765700000200 } from './1765700000200-read-model-version';
import { DeadlineAlerts1765700000500 } from './1765700000500-deadline-alerts';
import { RecordBundles1765700000800 } from './1765700000800-record-bundles';
import { KeepLookupFactors1765700000300 } from './1765700000300-keep-lookup-factors';
import { CreateWebhooks1765700000600 } from './1765700000600-create-webhooks';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const TRACKING_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  CreateTimeline1763856000300,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  RecordApplicationOwners1764500000700,
  CreateWorkingDayCalendar1764900000700,
  KeepPaymentsOnTimeline1765500000300,
  ProjectCases1765700000100,
  ReadModelVersion1765700000200,
  KeepLookupFactors1765700000300,
  DeadlineAlerts1765700000500,
  CreateWebhooks1765700000600,
  RecordBundles1765700000800,
  KeepWebhookAnswers1765800000500,
];
