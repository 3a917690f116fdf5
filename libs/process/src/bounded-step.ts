/**
 * Waits for one step of a clean-up at most `ms` and never rejects: a step that hangs or fails
 * is reported and the next one runs, so one stuck process never keeps the others alive.
 */
export async function boundedStep<T>(
  label: string,
  ms: number,
  work: Promise<T> | undefined,
  report: (line: string) => void,
): Promise<T | undefined> {
  if (work === undefined) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      report(`cleanup: ${label} took over ${(ms / 1000).toFixed(1)} s; going on`);
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    report(`cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
