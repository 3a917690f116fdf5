import type { OssCredentials } from './token';
import type { PermitMap } from './permit-map';

export const OSS_INBOUND_SETTINGS = Symbol('OSS_INBOUND_SETTINGS');

export interface OssInboundSettings {
  credentials: OssCredentials;
  permitMap: PermitMap;
}
