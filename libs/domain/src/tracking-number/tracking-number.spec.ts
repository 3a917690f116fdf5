import {
  formatComplaintNumber,
  formatTrackingNumber,
  generateComplaintNumber,
  normalizeComplaintNumber,
  generateTrackingNumber,
  isValidTrackingNumber,
  normalizeTrackingNumber,
} from './tracking-number';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Deterministic byte source (mulberry32) so failures can be replayed. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let state = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return out;
  };
}

/** A valid tracking number whose eight data symbols are exactly `codes`. */
function numberWithData(codes: readonly number[]): string {
  return generateTrackingNumber(() => Uint8Array.from(codes));
}

function sample(count: number, seed: number): string[] {
  const randomBytes = seededBytes(seed);
  return Array.from({ length: count }, () => generateTrackingNumber(randomBytes));
}

function swapAt(text: string, i: number): string {
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}

describe('generateTrackingNumber', () => {
  it('produces nine Crockford Base32 symbols that pass their own check', () => {
    for (const number of sample(500, 1)) {
      expect(number).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{9}$/);
      expect(normalizeTrackingNumber(number)).toBe(number);
    }
  });

  it('asks the injected source for exactly eight bytes', () => {
    const requested: number[] = [];
    generateTrackingNumber((n) => {
      requested.push(n);
      return new Uint8Array(n);
    });
    expect(requested).toEqual([8]);
  });

  it('computes the Luhn mod 32 check symbol over the eight data symbols', () => {
    // 7·2=14, 6, 5·2=10, 4, 3·2=6, 2, 1·2=2, 0 → 44; 44 mod 32 = 12; 32 − 12 = 20 → 'M'.
    expect(numberWithData([0, 1, 2, 3, 4, 5, 6, 7])).toBe('01234567M');
    // 31·2 = 62 exceeds the base, so its "digits" are summed: 1 + 30 = 31 → check 1.
    expect(numberWithData([0, 0, 0, 0, 0, 0, 0, 31])).toBe('0000000Z1');
    expect(numberWithData([0, 0, 0, 0, 0, 0, 0, 0])).toBe('000000000');
  });

  it('uses only the low five bits of each byte', () => {
    expect(generateTrackingNumber(() => Uint8Array.from([32, 65, 98, 131, 164, 197, 230, 7]))).toBe(
      '01234567M',
    );
  });

  it('maps the 256 byte values onto the 32 symbols exactly eight times each, so none is favoured', () => {
    let next = 0;
    const everyByteOnce = (n: number): Uint8Array =>
      Uint8Array.from({ length: n }, () => next++ & 0xff);
    const counts = new Map<string, number>();
    for (let i = 0; i < 256 / 8; i++) {
      for (const symbol of generateTrackingNumber(everyByteOnce).slice(0, 8)) {
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
    }
    expect(next).toBe(256);
    expect([...counts.keys()].sort()).toEqual([...ALPHABET].sort());
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('gives each check symbol about the same share when the bytes are random', () => {
    const counts = new Map<string, number>();
    const numbers = sample(32_000, 2);
    for (const number of numbers) counts.set(number[8], (counts.get(number[8]) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // Expected 1,000 each; ±20% is over six standard deviations, so this never flakes.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1200);
    }
  });

  it('refuses a random source that returns fewer bytes than asked for', () => {
    expect(() => generateTrackingNumber(() => new Uint8Array(7))).toThrow(RangeError);
  });
});

describe('check symbol error detection', () => {
  const numbers = sample(200, 3);

  it('detects every single-symbol substitution at every position', () => {
    let tried = 0;
    const undetected: string[] = [];
    for (const number of numbers) {
      for (let position = 0; position < 9; position++) {
        for (const symbol of ALPHABET) {
          if (symbol === number[position]) continue;
          const typo = number.slice(0, position) + symbol + number.slice(position + 1);
          if (isValidTrackingNumber(typo)) undetected.push(`${number} → ${typo}`);
          tried++;
        }
      }
    }
    expect(tried).toBe(200 * 9 * 31);
    expect(undetected).toEqual([]);
  });

  it('detects 7,920 of the 7,936 possible adjacent swaps of different symbols, missing only 0⇄Z', () => {
    // Luhn mod 32 adds a symbol either as itself or doubled with its base-32 digits summed. A swap
    // goes unseen only when both symbols gain the same from doubling, which is true just for code
    // points 0 (0 → 0) and 31 (62 → 1 + 30 = 31): the mod-32 counterpart of Luhn's 09⇄90.
    const bases = [
      [5, 9, 13, 17, 21, 25, 29, 3],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [31, 30, 1, 2, 16, 15, 8, 24],
    ];
    for (const base of bases) {
      let swaps = 0;
      const undetected: string[] = [];
      for (let position = 0; position < 8; position++) {
        for (let a = 0; a < 32; a++) {
          for (let b = 0; b < 32; b++) {
            if (a === b) continue;
            const number = validNumberWithPair(base, position, a, b);
            swaps++;
            if (isValidTrackingNumber(swapAt(number, position))) {
              undetected.push(`${position}:${ALPHABET[a]}${ALPHABET[b]}`);
            }
          }
        }
      }
      expect(swaps).toBe(7936);
      expect(swaps - undetected.length).toBe(7920);
      expect(undetected.sort()).toEqual(
        [0, 1, 2, 3, 4, 5, 6, 7].flatMap((p) => [`${p}:0Z`, `${p}:Z0`]).sort(),
      );
    }
  });

  it('in random numbers, detects every adjacent swap of different symbols unless it swaps 0 and Z', () => {
    let checked = 0;
    for (const number of numbers) {
      for (let position = 0; position < 8; position++) {
        const pair = number.slice(position, position + 2);
        if (pair[0] === pair[1]) continue;
        const blindSpot = pair === '0Z' || pair === 'Z0';
        expect(isValidTrackingNumber(swapAt(number, position))).toBe(blindSpot);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });

  /**
   * A valid number carrying symbols `a`, `b` at `position`, `position + 1`. For the last pair `b`
   * is the check symbol, reached by adjusting the first data symbol, which enters the sum
   * undoubled and so takes the check through all 32 values.
   */
  function validNumberWithPair(base: number[], position: number, a: number, b: number): string {
    const data = [...base];
    data[position] = a;
    if (position < 7) {
      data[position + 1] = b;
      return numberWithData(data);
    }
    for (let first = 0; first < 32; first++) {
      data[0] = first;
      const number = numberWithData(data);
      if (number[8] === ALPHABET[b]) return number;
    }
    throw new Error('unreachable: the first symbol reaches every check value');
  }
});

describe('normalizeTrackingNumber', () => {
  const valid = '01234567M';

  it.each([
    ['the canonical form', '01234567M'],
    ['lower case', '01234567m'],
    ['the display form', '0123-4567-M'],
    ['spaces anywhere', ' 0123 4567 M '],
    ['tabs and repeated separators', '0123--4567\t-M'],
    ['O typed for zero', 'O1234567M'],
    ['o typed for zero', 'o1234567M'],
    ['l and I typed for one', '0l234567M'],
    ['i typed for one', '0i234567M'],
  ])('accepts %s', (_case, input) => {
    expect(normalizeTrackingNumber(input)).toBe(valid);
  });

  it.each([
    ['an empty string', ''],
    ['only separators', ' - - '],
    ['eight symbols', '01234567'],
    ['ten symbols', '01234567M0'],
    ['the wrong check symbol', '01234567N'],
    ['a transposition', '10234567M'],
    ['U, which Crockford excludes', '01234567U'],
    ['punctuation other than hyphens', '0123.4567.M'],
    ['full-width digits', '０1234567M'],
    ['a character whose upper case is two letters', '0123456ßM'],
    ['an example with an invalid check symbol', 'K7M39QX2P'],
  ])('rejects %s', (_case, input) => {
    expect(normalizeTrackingNumber(input)).toBeNull();
  });

  it('accepts a number whose check symbol is itself a look-alike', () => {
    const endingInZero = numberWithData([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(normalizeTrackingNumber('oooooooo-O')).toBe(endingInZero);
    const endingInOne = numberWithData([0, 0, 0, 0, 0, 0, 0, 31]);
    expect(endingInOne).toBe('0000000Z1');
    expect(normalizeTrackingNumber('0000000zl')).toBe(endingInOne);
  });
});

describe('formatTrackingNumber', () => {
  it('groups the canonical form as four, four and the check symbol', () => {
    expect(formatTrackingNumber('K7M39QX2C')).toBe('K7M3-9QX2-C');
  });

  it('is idempotent on its own output and accepts anything that normalizes', () => {
    expect(formatTrackingNumber('K7M3-9QX2-C')).toBe('K7M3-9QX2-C');
    expect(formatTrackingNumber('k7m3 9qx2 c')).toBe('K7M3-9QX2-C');
  });

  it('throws rather than displaying an invalid number', () => {
    expect(() => formatTrackingNumber('K7M39QX2P')).toThrow(RangeError);
    expect(() => formatTrackingNumber('')).toThrow(RangeError);
  });
});

describe('isValidTrackingNumber', () => {
  it('agrees with normalization', () => {
    expect(isValidTrackingNumber('K7M3-9QX2-C')).toBe(true);
    expect(isValidTrackingNumber('k7m39qx2c')).toBe(true);
    expect(isValidTrackingNumber('K7M3-9QX2-P')).toBe(false);
    expect(isValidTrackingNumber('K7M3-9QX2')).toBe(false);
  });
});

describe('complaint numbers', () => {
  const complaint = generateComplaintNumber(seededBytes(34));

  it('are an application number of the same scheme behind the prefix ADU', () => {
    expect(complaint).toMatch(/^ADU[0-9A-HJKMNP-TV-Z]{9}$/);
    expect(normalizeTrackingNumber(complaint.slice(3))).toBe(complaint.slice(3));
    expect(formatComplaintNumber(complaint)).toBe(
      `ADU-${complaint.slice(3, 7)}-${complaint.slice(7, 11)}-${complaint.slice(11)}`,
    );
  });

  it('accept what a person types, and catch a mistyped symbol with the same check', () => {
    const typed = ` adu ${formatComplaintNumber(complaint).slice(4).toLowerCase()} `;
    expect(normalizeComplaintNumber(typed)).toBe(complaint);
    const last = complaint[11];
    const wrong = ALPHABET[(ALPHABET.indexOf(last) + 1) % ALPHABET.length];
    expect(normalizeComplaintNumber(complaint.slice(0, 11) + wrong)).toBeNull();
  });

  it('are never taken for an application number, nor an application number for one', () => {
    const application = complaint.slice(3);
    expect(normalizeTrackingNumber(complaint)).toBeNull();
    expect(isValidTrackingNumber(complaint)).toBe(false);
    expect(normalizeComplaintNumber(application)).toBeNull();
    expect(() => formatComplaintNumber(application)).toThrow(RangeError);
  });
});
