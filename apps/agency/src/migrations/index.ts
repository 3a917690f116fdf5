import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateWorkingDayCalendar1764900000700 } from '@satupintu/platform';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import {
  CreateWebhooks1765400000000,
  KeepWebhookAnswers1765800000500,
  RotateWebhookSecrets1765600000200,
} from '@satupintu/webhooks';
import { CreateCases1763856000200 } from './1763856000200-create-cases';
import { DropApplicantFromCases1764400000200 } from './1764400000200-drop-applicant-from-cases';
import { KeepApplicantProfiles1764500000600 } from './1764500000600-keep-applicant-profiles';
import { CreateServiceStandards1764900001020 } from './1764900001020-create-service-standards';
import { KeepCaseHistory1765300000200 } from './1765300000200-keep-case-history';
import { ClaimCases1765300000300 } from './1765300000300-claim-cases';
import { CreateOutputs1765400000800 } from './1765400000800-create-outputs';
import { CreatePayments1765500000200 } from './1765500000200-create-payments';
import { IndexWorkQueueFilters1765500000400 } from './1765500000400-index-work-queue-filters';
import { FollowCaseChanges1765600000300 } from './1765600000300-follow-case-changes';
import { RenewPaymentCodes1765600000400 } from './1765600000400-renew-payment-codes';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const AGENCY_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  CreateCases1763856000200,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  DropApplicantFromCases1764400000200,
  KeepApplicantProfiles1764500000600,
  CreateWorkingDayCalendar1764900000700,
  CreateServiceStandards1764900001020,
  // This one and CreateWebhooks came with webhooks (issue 8), after later ones had run
  // (TypeORM runs whatever has not run).
  CreateIdempotencyKeys1765000000000,
  KeepCaseHistory1765300000200,
  ClaimCases1765300000300,
  CreateWebhooks1765400000000,
  CreateOutputs1765400000800,
  CreatePayments1765500000200,
  IndexWorkQueueFilters1765500000400,
  RotateWebhookSecrets1765600000200,
  FollowCaseChanges1765600000300,
  RenewPaymentCodes1765600000400,
  KeepWebhookAnswers1765800000500,
];
