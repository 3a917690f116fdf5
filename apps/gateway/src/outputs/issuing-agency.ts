import { DomainError } from '@satupintu/common';

export interface AgencyDirectory {
  /** Whether the mall has this agency; undefined when nobody can say (identity is away). */
  has(agencyCode: string): Promise<boolean | undefined>;
}

/**
 * Asks an agency's deployment about its outputs, and tells "no such agency" from an outage.
 * Nobody answering a well-formed number's agency is ambiguous: the prefix may name no agency
 * at all (a made-up number: 404, as any number nobody issued), or the agency may be restarting
 * (503, try again: a genuine document must not be called unknown because its agency is down).
 * Only then is the mall's list of agencies asked; when that cannot answer either, the 503
 * stands. NATS itself being away (`cause: messaging`) and timeouts are outages as they are.
 */
export async function askIssuingAgency<T>(
  agencyCode: string,
  ask: () => Promise<T>,
  directory: AgencyDirectory,
  notFound: () => DomainError,
): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!isNoResponders(error)) throw error;
    if ((await directory.has(agencyCode)) === false) throw notFound();
    throw error;
  }
}

/** The RpcClient's "no responders": a 503 of the service, not of messaging. */
function isNoResponders(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    error.code === 'service_unavailable' &&
    error.params.cause !== 'messaging'
  );
}
