import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateWorkingDayCalendar1764900000700 } from '@satupintu/platform';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateComplaints1766200000000 } from './1766200000000-create-complaints';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const SURVEYS_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  CreateWorkingDayCalendar1764900000700,
  CreateIdempotencyKeys1765000000000,
  CreateComplaints1766200000000,
];
