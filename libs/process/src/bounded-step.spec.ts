import { boundedStep } from './bounded-step';

describe('boundedStep', () => {
  it('answers what the step answered', async () => {
    const lines: string[] = [];
    expect(await boundedStep('a', 1000, Promise.resolve(7), (l) => lines.push(l))).toBe(7);
    expect(lines).toEqual([]);
  });

  it('goes on after the time is up, saying so', async () => {
    const lines: string[] = [];
    const never = new Promise<number>(() => undefined);
    expect(await boundedStep('stopping x', 50, never, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['cleanup: stopping x took over 0.1 s; going on']);
  });

  it('reports a failed step instead of throwing', async () => {
    const lines: string[] = [];
    const failing = Promise.reject(new Error('gone'));
    expect(await boundedStep('y', 1000, failing, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['cleanup: y failed: gone']);
  });

  it('skips a step that has nothing to do', async () => {
    expect(await boundedStep('z', 10, undefined, () => undefined)).toBeUndefined();
  });
});
