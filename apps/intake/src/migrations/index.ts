import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateCatalogAndApplications1763856000100 } from './1763856000100-create-catalog-and-applications';
import { FollowAgencies1764500000500 } from './1764500000500-follow-agencies';
import { FollowApplicants1764500000800 } from './1764500000800-follow-applicants';
import { WorkingDayCalendar1764900000600 } from './1764900000600-working-day-calendar';
import { CreateDocuments1764900000900 } from './1764900000900-create-documents';
import { FollowApplicationStatuses1765000000100 } from './1765000000100-follow-application-statuses';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const INTAKE_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  CreateCatalogAndApplications1763856000100,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  FollowAgencies1764500000500,
  FollowApplicants1764500000800,
  WorkingDayCalendar1764900000600,
  CreateDocuments1764900000900,
  CreateIdempotencyKeys1765000000000,
  FollowApplicationStatuses1765000000100,
];
