/**
 * What a live stream sends of the entries it is given, from the replay or live: each sequence
 * exactly once, in order, none skipped. An entry already sent is dropped (the replay and a live
 * announcement overlap when a change commits between the two); one after a missing sequence is
 * held back and reported as a gap, and the stream asks tracking for everything after `last`.
 */
export class LiveOrder {
  /** @param last the last sequence the client has (`Last-Event-ID`), -1 for none. */
  constructor(private last: number) {}

  get lastSent(): number {
    return this.last;
  }

  /**
   * Where a client that named no last event starts, when the feed decides it (a display gets
   * today's latest calls, not the mall's whole history): nothing up to `last` is sent.
   */
  startAfter(last: number): void {
    this.last = Math.max(this.last, last);
  }

  take<T extends { sequence: number }>(entries: readonly T[]): { send: T[]; gap: boolean } {
    const send: T[] = [];
    for (const entry of [...entries].sort((a, b) => a.sequence - b.sequence)) {
      if (entry.sequence <= this.last) continue;
      if (entry.sequence !== this.last + 1) return { send, gap: true };
      send.push(entry);
      this.last = entry.sequence;
    }
    return { send, gap: false };
  }
}
