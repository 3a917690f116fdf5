/**
 * The unique constraint a failed INSERT or UPDATE ran into (SQLSTATE 23505), or undefined for
 * any other error: how a repository tells "taken" from a failure. The driver's error is on
 * TypeORM's `driverError`, or is the error itself.
 */
export function uniqueViolation(error: unknown): string | undefined {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } } | undefined)?.driverError ??
    (error as { code?: string; constraint?: string } | undefined);
  return driverError?.code === '23505' ? (driverError.constraint ?? '') : undefined;
}
