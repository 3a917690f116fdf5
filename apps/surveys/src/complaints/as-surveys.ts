import { currentContext, runInContext } from '@satupintu/common';
import { SYSTEM } from '@satupintu/contracts';
import { randomUUID } from 'node:crypto';

/**
 * Runs `work` (a request to a neighbour) as this service itself, not as the caller whose request
 * or job led to it: intake and identity answer those requests to the system only. The request id
 * and trace carry on.
 */
export function asSurveys<T>(work: () => Promise<T>): Promise<T> {
  const context = currentContext();
  return runInContext(
    {
      requestId: context?.requestId ?? randomUUID(),
      traceparent: context?.traceparent ?? '',
      principal: SYSTEM,
    },
    work,
  );
}
