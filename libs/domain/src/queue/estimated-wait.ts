/** How many of a line's latest served tickets the typical service time is taken from. */
export const RECENT_SERVICES = 20;

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface WaitInputs {
  /** Tickets called before this one if nothing changes (`ticketsAhead`). */
  ahead: number;
  /** Call to served, in seconds, of the line's latest served tickets (at most RECENT_SERVICES). */
  recentServiceSeconds: readonly number[];
  /** Open counter sessions that serve at least one of the line's services. */
  openCounters: number;
  /** What one visitor is assumed to take while the line has served nobody yet. */
  defaultServiceSeconds: number;
}

/**
 * A ticket's estimated wait until it is called (ADR 0036): the tickets ahead of it times the
 * median time a visitor of its line has recently taken at a counter, shared by the counters open
 * for the line. The median, not the mean: one long case at a counter does not move everyone's
 * estimate. Undefined while no counter is open for the line: nobody can say.
 */
export function estimatedWaitSeconds(inputs: WaitInputs): number | undefined {
  if (inputs.openCounters < 1) return undefined;
  const perVisitor = median(inputs.recentServiceSeconds) ?? inputs.defaultServiceSeconds;
  return Math.ceil((inputs.ahead * perVisitor) / inputs.openCounters);
}
