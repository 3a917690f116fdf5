import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1764600000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateCatalogAndApplications1763856000100 } from './1763856000100-create-catalog-and-applications';
import { FollowAgencies1764500000500 } from './1764500000500-follow-agencies';
import { FollowApplicants1764500000800 } from './1764500000800-follow-applicants';
import { FollowApplicationStatuses1764600000100 } from './1764600000100-follow-application-statuses';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const INTAKE_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  CreateCatalogAndApplications1763856000100,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  FollowAgencies1764500000500,
  FollowApplicants1764500000800,
  CreateIdempotencyKeys1764600000000,
  FollowApplicationStatuses1764600000100,
];
