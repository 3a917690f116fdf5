import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateAccounts1764500000100 } from './1764500000100-create-accounts';
import { CreateTokens1764500000200 } from './1764500000200-create-tokens';
import { CaseNotifications1765700000600 } from './1765700000600-case-notifications';
import { BusinessPendingOwners1766300000100 } from './1766300000100-business-pending-owners';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const IDENTITY_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  CreateAccounts1764500000100,
  CreateTokens1764500000200,
  CreateIdempotencyKeys1765000000000,
  CaseNotifications1765700000600,
  BusinessPendingOwners1766300000100,
];
