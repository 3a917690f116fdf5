import { DomainError } from '@satupintu/common';

/** The DomainError a promise is refused with; fails the test if it resolves or fails otherwise. */
export async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError))
    throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
