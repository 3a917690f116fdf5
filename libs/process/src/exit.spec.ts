import { describeExit } from './exit';

describe('describeExit', () => {
  it('says how a process ended', () => {
    expect(describeExit({ code: 1, signal: null })).toBe('exited with code 1');
    expect(describeExit({ code: 0, signal: null })).toBe('exited (code 0)');
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('was killed by SIGKILL');
  });
});
