import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateIdempotencyKeys1765000000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateWorkingDayCalendar1764900000700 } from '@satupintu/platform';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { RecordServedCases1766000000000 } from './1766000000000-record-served-cases';
import { CreateSkmResponses1766000000100 } from './1766000000100-create-skm-responses';
import { TallySkmResponses1766000000200 } from './1766000000200-tally-skm-responses';
import { CreateFollowUpPlans1766100000000 } from './1766100000000-create-follow-up-plans';
import { CreateServqualResponses1766100000100 } from './1766100000100-create-servqual-responses';
import { CreateComplaints1766200000000 } from './1766200000000-create-complaints';
import { NamePlanQuartersAsTheIndex1766410000000 } from './1766410000000-name-plan-quarters-as-the-index';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const SURVEYS_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  CreateWorkingDayCalendar1764900000700,
  CreateIdempotencyKeys1765000000000,
  RecordServedCases1766000000000,
  CreateSkmResponses1766000000100,
  TallySkmResponses1766000000200,
  CreateFollowUpPlans1766100000000,
  CreateServqualResponses1766100000100,
  CreateComplaints1766200000000,
  NamePlanQuartersAsTheIndex1766410000000,
];
