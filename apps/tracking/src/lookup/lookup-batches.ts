/**
 * Lookups asked in the same turn of the event loop, answered by one read. Under load the
 * lookups arrive many to a NATS packet; one query for all of them costs PostgreSQL and the
 * driver one round trip (one write, one read, one pooled connection) instead of one each, and
 * their answers leave together (ADR 0023). A lookup alone waits one turn (`setImmediate`), no
 * more. At most `maxBatch` numbers go in one read; more are split. While `maxReads` reads are
 * out, new lookups gather until one comes back: under load the batches grow instead of the
 * queries multiplying.
 */
export class LookupBatches<Kind extends string, Found> {
  private readonly pending = new Map<Kind, Map<string, Waiter<Found>[]>>();
  private scheduled = false;
  private reading = 0;

  constructor(
    /** Reads the cases of these numbers (each once); a number nobody has is absent. */
    private readonly read: (numbers: string[], kind: Kind) => Promise<Map<string, Found>>,
    private readonly maxBatch = 64,
    private readonly maxReads = 4,
  ) {}

  find(trackingNo: string, kind: Kind): Promise<Found | undefined> {
    return new Promise((resolve, reject) => {
      let byNumber = this.pending.get(kind);
      if (!byNumber) this.pending.set(kind, (byNumber = new Map<string, Waiter<Found>[]>()));
      const waiters = byNumber.get(trackingNo);
      if (waiters) waiters.push({ resolve, reject });
      else byNumber.set(trackingNo, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.reading >= this.maxReads || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    for (const [kind, byNumber] of this.pending) {
      const numbers = [...byNumber.keys()];
      for (let from = 0; from < numbers.length; from += this.maxBatch)
        void this.answer(kind, numbers.slice(from, from + this.maxBatch), byNumber);
    }
    this.pending.clear();
  }

  private async answer(
    kind: Kind,
    numbers: string[],
    byNumber: Map<string, Waiter<Found>[]>,
  ): Promise<void> {
    this.reading += 1;
    try {
      const found = await this.read(numbers, kind);
      for (const number of numbers)
        for (const waiter of byNumber.get(number) ?? []) waiter.resolve(found.get(number));
    } catch (error) {
      for (const number of numbers)
        for (const waiter of byNumber.get(number) ?? []) waiter.reject(error);
    } finally {
      this.reading -= 1;
      this.schedule();
    }
  }
}

interface Waiter<Found> {
  resolve: (found: Found | undefined) => void;
  reject: (error: unknown) => void;
}
