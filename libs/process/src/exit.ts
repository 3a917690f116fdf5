/** How a child process ended: an exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function describeExit({ code, signal }: Exit): string {
  if (signal !== null) return `was killed by ${signal}`;
  return code === 0 ? 'exited (code 0)' : `exited with code ${code ?? 'unknown'}`;
}
