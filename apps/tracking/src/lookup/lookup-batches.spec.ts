import { LookupBatches } from './lookup-batches';

describe('lookup batches', () => {
  const reads: { numbers: string[]; kind: string }[] = [];
  const known = new Map([
    ['K7M39QX2C', 'siti'],
    ['B4T8RW2MJ', 'budi'],
  ]);
  const read = (numbers: string[], kind: string) => {
    reads.push({ numbers, kind });
    return Promise.resolve(
      new Map(numbers.flatMap((n) => (known.has(n) ? [[n, `${known.get(n)}/${kind}`]] : []))),
    );
  };

  beforeEach(() => (reads.length = 0));

  it('answers the lookups of one turn with one read per kind, each with its own case', async () => {
    const batches = new LookupBatches(read);
    const answers = await Promise.all([
      batches.find('K7M39QX2C', 'birth-date'),
      batches.find('B4T8RW2MJ', 'birth-date'),
      batches.find('ZZZZZZZZZ', 'birth-date'),
      batches.find('K7M39QX2C', 'birth-date'),
      batches.find('K7M39QX2C', 'nib'),
    ]);
    expect(answers).toEqual([
      'siti/birth-date',
      'budi/birth-date',
      undefined,
      'siti/birth-date',
      'siti/nib',
    ]);
    expect(reads).toEqual([
      { numbers: ['K7M39QX2C', 'B4T8RW2MJ', 'ZZZZZZZZZ'], kind: 'birth-date' },
      { numbers: ['K7M39QX2C'], kind: 'nib' },
    ]);
  });

  it('reads a later turn’s lookups apart', async () => {
    const batches = new LookupBatches(read);
    expect(await batches.find('K7M39QX2C', 'birth-date')).toBe('siti/birth-date');
    expect(await batches.find('B4T8RW2MJ', 'birth-date')).toBe('budi/birth-date');
    expect(reads.map((r) => r.numbers)).toEqual([['K7M39QX2C'], ['B4T8RW2MJ']]);
  });

  it('splits a turn’s lookups into reads of at most the batch size', async () => {
    const batches = new LookupBatches(read, 2);
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => batches.find(n, 'birth-date')));
    expect(reads.map((r) => r.numbers)).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
  });

  it('gathers the lookups asked while the reads are out into one read after', async () => {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const batches = new LookupBatches<string, string>(
      async (numbers, kind) => {
        if (reads.length === 0) {
          reads.push({ numbers, kind });
          await held;
          return new Map();
        }
        return read(numbers, kind);
      },
      64,
      1,
    );
    const first = batches.find('A', 'birth-date');
    await new Promise((resolve) => setImmediate(resolve));
    // The one read allowed is out: these wait for it, in different turns, and then go together.
    const later = [batches.find('K7M39QX2C', 'birth-date')];
    await new Promise((resolve) => setImmediate(resolve));
    later.push(batches.find('B4T8RW2MJ', 'birth-date'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads.map((r) => r.numbers)).toEqual([['A']]);
    letGo();
    expect(await first).toBeUndefined();
    expect(await Promise.all(later)).toEqual(['siti/birth-date', 'budi/birth-date']);
    expect(reads.map((r) => r.numbers)).toEqual([['A'], ['K7M39QX2C', 'B4T8RW2MJ']]);
  });

  it('fails every lookup of a read that failed, and only those', async () => {
    const away = new Error('database away');
    const batches = new LookupBatches<string, string>((numbers, kind) =>
      kind === 'nib' ? Promise.reject(away) : read(numbers, kind),
    );
    const answers = await Promise.allSettled([
      batches.find('K7M39QX2C', 'nib'),
      batches.find('B4T8RW2MJ', 'nib'),
      batches.find('K7M39QX2C', 'birth-date'),
    ]);
    expect(answers).toEqual([
      { status: 'rejected', reason: away },
      { status: 'rejected', reason: away },
      { status: 'fulfilled', value: 'siti/birth-date' },
    ]);
  });
});
