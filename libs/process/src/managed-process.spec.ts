import { createServer, type Server } from 'node:http';
import { ManagedProcess, isProcessAlive, stopEveryChild } from './managed-process';

/** A real Node child running `code`. */
const node = (name: string, code: string, onLine?: (line: string) => void) =>
  ManagedProcess.spawn(name, process.execPath, { args: ['-e', code], onLine });

describe('ManagedProcess', () => {
  it('keeps its output line by line and says how it ended', async () => {
    const seen: string[] = [];
    const child = node(
      'printer',
      'console.log("one"); console.error("two"); process.exit(3)',
      (line) => seen.push(line),
    );
    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(child.running).toBe(false);
    expect(seen.sort()).toEqual(['one', 'two']);
    expect(child.logs().split('\n').sort()).toEqual(['one', 'two']);
  });

  it('stops with SIGTERM when the process obeys it', async () => {
    const child = node('obedient', 'setInterval(() => {}, 1000)');
    expect(await child.stop({ graceMs: 5000 })).toEqual({ code: null, signal: 'SIGTERM' });
    expect(child.forced).toBe(false);
  });

  it('forces a process that ignores SIGTERM once the grace period is over', async () => {
    const child = node(
      'stubborn',
      'process.on("SIGTERM", () => console.log("ignored")); console.log("up"); setInterval(() => {}, 1000)',
    );
    await waitFor(() => child.logs().includes('up'));
    expect(await child.stop({ graceMs: 300 })).toEqual({ code: null, signal: 'SIGKILL' });
    expect(child.forced).toBe(true);
    expect(child.logs()).toContain('ignored');
  });

  it('stops every child still running, and only those, naming them', async () => {
    const done = node('done', 'process.exit(0)');
    await done.exited;
    const first = node('first', 'setInterval(() => {}, 1000)');
    const second = node('second', 'setInterval(() => {}, 1000)');
    expect((await stopEveryChild({ graceMs: 5000 })).sort()).toEqual(['first', 'second']);
    expect(first.running).toBe(false);
    expect(second.running).toBe(false);
    expect(isProcessAlive(first.pid!)).toBe(false);
    expect(await stopEveryChild()).toEqual([]);
  });

  it('stops what the process started itself: the signal goes to its whole group', async () => {
    const child = node(
      'parent',
      `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       console.log(c.pid); setInterval(() => {}, 1000)`,
    );
    await waitFor(() => /^\d+$/m.test(child.logs()));
    const grandchild = Number(child.logs().trim());
    expect(isProcessAlive(grandchild)).toBe(true);
    await child.kill();
    await waitFor(() => !isProcessAlive(grandchild));
  });

  it('reports a command that cannot start as an exit, with the reason in its output', async () => {
    const child = ManagedProcess.spawn('missing', '/nonexistent/binary');
    expect(await child.exited).toEqual({ code: 127, signal: null });
    expect(child.logs()).toContain('failed to start');
  });

  describe('waitReady', () => {
    let server: Server | undefined;
    afterEach(() => server?.close());

    it('resolves once the URL answers 200', async () => {
      let status = 503;
      server = createServer((_, res) => res.writeHead(status).end());
      const port = await listen(server);
      const child = node('service', 'setInterval(() => {}, 1000)');
      setTimeout(() => (status = 200), 300);
      await child.waitReady(`http://127.0.0.1:${port}/`, 5000);
      await child.stop();
    });

    it('fails at once with the output when the process exits before it is ready', async () => {
      const child = node('broken', 'console.error("AGENCY_CODE is missing"); process.exit(1)');
      await expect(child.waitReady('http://127.0.0.1:9/', 30_000)).rejects.toThrow(
        /broken exited with code 1 before it was ready:\nAGENCY_CODE is missing/,
      );
    });

    it('kills the process and says what the URL answered when time runs out', async () => {
      server = createServer((_, res) => res.writeHead(503).end());
      const port = await listen(server);
      const child = node('slow', 'setInterval(() => {}, 1000)');
      await expect(child.waitReady(`http://127.0.0.1:${port}/`, 300)).rejects.toThrow(
        /slow not ready within 300 ms \(HTTP 503\)/,
      );
      expect(child.running).toBe(false);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}
