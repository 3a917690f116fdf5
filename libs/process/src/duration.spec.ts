import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('uses milliseconds below a second, tenths of seconds above', () => {
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(9_960)).toBe('10.0 s');
    expect(formatDuration(61_000)).toBe('61.0 s');
  });

  it('uses minutes from two minutes on', () => {
    expect(formatDuration(120_000)).toBe('2 min 0 s');
    expect(formatDuration(3_725_400)).toBe('62 min 5 s');
  });
});
