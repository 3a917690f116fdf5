import { currentContext, runInContext } from '@satupintu/common';
import { OSS_CONNECTOR_CLIENT_ID, type Principal } from '@satupintu/contracts';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * The OSS connector asks intake and identity as an API client of the national portal (channel
 * PORTAL) with `applications:submit`. They trust the principal beside the request as they trust
 * the gateway's (only services speak on NATS).
 */
export const OSS_CONNECTOR: Principal = Object.freeze({
  kind: 'client',
  subject: OSS_CONNECTOR_CLIENT_ID,
  clientId: OSS_CONNECTOR_CLIENT_ID,
  roles: [],
  scopes: ['applications:submit', 'applications:read'],
});

/** Runs `work` (a request to another service) as the OSS connector, in the job's trace. */
export function asOssConnector<T>(work: () => Promise<T>): Promise<T> {
  const context = currentContext();
  return runInContext(
    {
      requestId: context?.requestId ?? randomUUID(),
      traceparent:
        context?.traceparent ??
        `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
      principal: OSS_CONNECTOR,
    },
    work,
  );
}
