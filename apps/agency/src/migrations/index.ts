import { CreateOutboxAndInbox1763856000000 } from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateCases1763856000200 } from './1763856000200-create-cases';

/** In order. A migration, once released, is never edited: add a new one. */
export const AGENCY_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  CreateCases1763856000200,
  CreateJobs1764400000100,
];
