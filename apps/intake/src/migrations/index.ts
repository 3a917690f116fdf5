import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateCatalogAndApplications1763856000100 } from './1763856000100-create-catalog-and-applications';
import { FollowAgencies1764500000500 } from './1764500000500-follow-agencies';
import { FollowApplicants1764500000800 } from './1764500000800-follow-applicants';
import { WorkingDayCalendar1764900000600 } from './1764900000600-working-day-calendar';
import { CreateDocuments1764900000900 } from './1764900000900-create-documents';
import { CreateBundles1765100000000 } from './1765100000000-create-bundles';
import { KeepServiceStandards1764900001000 } from './1764900001000-keep-service-standards';
import { AddFormToApplications1764900001010 } from './1764900001010-add-form-to-applications';

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
  CreateBundles1765100000000,
  KeepServiceStandards1764900001000,
  AddFormToApplications1764900001010,
];
