import { spawn } from 'node:child_process';
import { testEnvironment } from '@satupintu/testing';

/**
 * `npm start`, as a newcomer runs it after the build: every service up with the demo catalog, the
 * docs URL printed, the thin path working, and Ctrl-C leaving nothing running.
 */
describe('npm start', () => {
  it('brings the whole mall up, serves the thin path, and stops cleanly on Ctrl-C', async () => {
    const base = 20_000 + Math.floor(Math.random() * 400) * 100;
    const child = spawn(process.execPath, ['dist/scripts/start.js'], {
      env: { ...process.env, ...testEnvironment(), SP_BASE_PORT: String(base), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    try {
      const gateway = `http://127.0.0.1:${base}`;
      const deadline = Date.now() + 60_000;
      while (!output.includes(`${gateway}/docs`)) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        if (Date.now() > deadline) throw new Error(`not ready within 60 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await fetch(`${gateway}/health/ready`)).status).toBe(200);
      const doc = (await (await fetch(`${gateway}/docs-json`)).json()) as { openapi: string };
      expect(doc.openapi).toMatch(/^3\./);
      const response = await fetch(`${gateway}/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceCode: 'PUPR-PBG',
          applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
        }),
      });
      expect(response.status).toBe(201);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
  });
});
