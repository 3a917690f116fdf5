import { Supervisor, type SupervisorEvent, describeSupervisorEvent } from './supervisor';

const FOREVER = 'setInterval(() => {}, 1000)';
const fast = { initialDelayMs: 50, maxDelayMs: 400, resetAfterMs: 60_000 };

function supervisor() {
  const events: SupervisorEvent[] = [];
  const instance = new Supervisor({ policy: fast, onEvent: (event) => events.push(event) });
  return { instance, events };
}

const spec = (name: string, code: string) => ({
  name,
  command: process.execPath,
  args: ['-e', code],
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Supervisor', () => {
  let running: Supervisor | undefined;
  afterEach(async () => {
    await running?.stopAll({ graceMs: 1000 });
    running = undefined;
  });

  it('restarts a process killed with SIGKILL and reports the exit and the restart', async () => {
    const { instance, events } = supervisor();
    running = instance;
    const worker = instance.start(spec('worker', FOREVER));
    const firstPid = worker.current.pid;
    worker.signal('SIGKILL');
    await waitFor(() => events.some((event) => event.type === 'restarted'));
    expect(events).toEqual([
      {
        type: 'exited',
        name: 'worker',
        exit: { code: null, signal: 'SIGKILL' },
        uptimeMs: expect.any(Number) as number,
        restart: { number: 1, delayMs: 50 },
      },
      {
        type: 'restarted',
        name: 'worker',
        number: 1,
        pid: worker.current.pid,
        requested: false,
      },
    ]);
    expect(worker.current.pid).not.toBe(firstPid);
    expect(worker.running).toBe(true);
    expect(worker.restarts).toBe(1);
  });

  it('backs off, doubling the delay, while a process keeps crashing', async () => {
    const { instance, events } = supervisor();
    running = instance;
    instance.start(spec('crasher', 'process.exit(3)'));
    await waitFor(() => events.filter((event) => event.type === 'exited').length >= 5);
    const delays = events.flatMap((event) =>
      event.type === 'exited' && event.restart ? [event.restart.delayMs] : [],
    );
    expect(delays.slice(0, 5)).toEqual([50, 100, 200, 400, 400]);
  });

  it('leaves the others alone when one process dies', async () => {
    const { instance } = supervisor();
    running = instance;
    const [a, b] = [instance.start(spec('a', FOREVER)), instance.start(spec('b', FOREVER))];
    const bPid = b.current.pid;
    a.signal('SIGKILL');
    await waitFor(() => a.restarts === 1 && a.running);
    expect(b.current.pid).toBe(bPid);
    expect(b.restarts).toBe(0);
  });

  it('does not restart a process that was stopped', async () => {
    const { instance, events } = supervisor();
    running = instance;
    const worker = instance.start(spec('worker', FOREVER));
    expect(await worker.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    expect(worker.running).toBe(false);
  });

  it('cancels a restart that is waiting when the process is stopped', async () => {
    const events: SupervisorEvent[] = [];
    running = new Supervisor({
      policy: { ...fast, initialDelayMs: 300 },
      onEvent: (event) => events.push(event),
    });
    const worker = running.start(spec('crasher', 'process.exit(3)'));
    await waitFor(() => worker.waitingToRestart);
    await worker.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events.map((event) => event.type)).toEqual(['exited']);
    expect(worker.restarts).toBe(0);
  });

  it('with restarts off, only reports an exit; enabling them restarts it', async () => {
    const { instance, events } = supervisor();
    running = instance;
    const worker = instance.start(spec('early', 'process.exit(1)'), { restarts: false });
    await worker.current.exited;
    await waitFor(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'exited', exit: { code: 1 } });
    expect(events[0]).not.toHaveProperty('restart');
    worker.enableRestarts();
    await waitFor(() => worker.restarts === 1);
  });

  it('restarts on request at once, and keeps the output of every run', async () => {
    const { instance, events } = supervisor();
    running = instance;
    const worker = instance.start(spec('worker', `console.log('run', process.pid); ${FOREVER}`));
    await waitFor(() => worker.logs().includes('run'));
    await worker.restart({ graceMs: 1000 });
    await waitFor(() => worker.logs().split('\n').length === 2);
    expect(events).toEqual([
      expect.objectContaining({ type: 'restarted', number: 1, requested: true }),
    ]);
  });

  it('refuses two processes of one name', () => {
    const { instance } = supervisor();
    running = instance;
    instance.start(spec('twin', FOREVER));
    expect(() => instance.start(spec('twin', FOREVER))).toThrow(/already supervised/);
  });
});

describe('describeSupervisorEvent', () => {
  it('says how the process ended, how long it had run, and when it comes back', () => {
    expect(
      describeSupervisorEvent({
        type: 'exited',
        name: 'intake',
        exit: { code: null, signal: 'SIGKILL' },
        uptimeMs: 242_000,
        restart: { number: 3, delayMs: 4000 },
      }),
    ).toBe('intake was killed by SIGKILL after 4 min 2 s up; restart #3 in 4.0 s');
  });

  it('says only how it ended while restarts are off', () => {
    expect(
      describeSupervisorEvent({
        type: 'exited',
        name: 'agency-pupr',
        exit: { code: 1, signal: null },
        uptimeMs: 800,
      }),
    ).toBe('agency-pupr exited with code 1 after 800 ms up');
  });

  it('names the restart and the new process id, and whether it was asked for', () => {
    const restarted = { type: 'restarted', name: 'gateway', number: 2, pid: 4242 } as const;
    expect(describeSupervisorEvent({ ...restarted, requested: false })).toBe(
      'gateway restarted (restart #2, pid 4242)',
    );
    expect(describeSupervisorEvent({ ...restarted, requested: true })).toBe(
      'gateway restarted on request (restart #2, pid 4242)',
    );
  });
});
