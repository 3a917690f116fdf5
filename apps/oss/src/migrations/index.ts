import {
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateOutboxAndInbox1763856000000,
} from '@satupintu/messaging';
import { CreateJobs1764400000100 } from '@satupintu/scheduling';
import { CreateOssPermits1765800000100 } from './1765800000100-create-oss-permits';
import { CreateOssReports1765800000600 } from './1765800000600-create-oss-reports';
import { CreateOssBusinesses1766300000100 } from './1766300000100-create-oss-businesses';
import { LetOssFilesWaitForTheirPermit1766420000100 } from './1766420000100-let-oss-files-wait-for-their-permit';
import { AddSeqAndChangedAtToOssFiles1766420000200 } from './1766420000200-add-seq-and-changed-at-to-oss-files';

/** In order of their timestamps. A migration, once released, is never edited: add a new one. */
export const OSS_MIGRATIONS = [
  CreateOutboxAndInbox1763856000000,
  AddOrderingAndRetriesToOutbox1764400000000,
  CreateJobs1764400000100,
  CreateOssPermits1765800000100,
  CreateOssReports1765800000600,
  CreateOssBusinesses1766300000100,
  LetOssFilesWaitForTheirPermit1766420000100,
  AddSeqAndChangedAtToOssFiles1766420000200,
];
