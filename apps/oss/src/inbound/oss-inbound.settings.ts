import type { OssCredentials } from './token';
import type { FileFetchPolicy } from './file-source';
import type { PermitMap } from './permit-map';

export const OSS_INBOUND_SETTINGS = Symbol('OSS_INBOUND_SETTINGS');

export interface OssInboundSettings {
  credentials: OssCredentials;
  permitMap: PermitMap;
  /** Where receiveFileDS's files may be fetched from, for how long, how large. */
  files: FileFetchPolicy;
  /** The documents store the files go into (ADR 0014). */
  store: { natsUrl: string; namespace: string };
}
