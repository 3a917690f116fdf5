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
import { KeepServiceStandards1764900001000 } from './1764900001000-keep-service-standards';
import { AddFormToApplications1764900001010 } from './1764900001010-add-form-to-applications';
import { FollowApplicationStatuses1765000000100 } from './1765000000100-follow-application-statuses';
import { CreateBundles1765100000000 } from './1765100000000-create-bundles';
import { AttachDocumentsToBundleCases1765200000000 } from './1765200000000-attach-documents-to-bundle-cases';
import { RecordResubmissions1765200000100 } from './1765200000100-record-resubmissions';
import { RecordConsentAndExternalReferences1765300000000 } from './1765300000000-record-consent-and-external-references';
import { RecordQueueTickets1766430000000 } from './1766430000000-record-queue-tickets';
import { KeepIssuedOutputs1765600000100 } from './1765600000100-keep-issued-outputs';

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
  KeepServiceStandards1764900001000,
  AddFormToApplications1764900001010,
  CreateIdempotencyKeys1765000000000,
  FollowApplicationStatuses1765000000100,
  CreateBundles1765100000000,
  AttachDocumentsToBundleCases1765200000000,
  RecordResubmissions1765200000100,
  RecordConsentAndExternalReferences1765300000000,
  KeepIssuedOutputs1765600000100,
  RecordQueueTickets1766430000000,
];
