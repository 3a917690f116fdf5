import { isOneTimeCode, leaksIn, runLogDirectory } from '@satupintu/testing';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs after every other integration suite (the sequencer puts `*.last.int-spec.ts` last): reads
 * every line every service printed during the run, at info level, and finds no password,
 * secret, token, one-time code or full NIK in any of them.
 */
describe('what the services logged during the integration suite', () => {
  const directory = runLogDirectory();
  const files = directory ? readdirSync(directory).filter((name) => name.endsWith('.log')) : [];
  const lines = files.flatMap((file) =>
    readFileSync(join(directory ?? '', file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ file, line })),
  );

  it('is the log of the whole run: every kind of service, many lines', () => {
    const services = new Set(files.map((file) => file.replace(/-\d+\.log$/, '').split('-')[0]));
    for (const service of ['gateway', 'intake', 'tracking', 'agency'])
      expect(services).toContain(service);
    expect(lines.length).toBeGreaterThan(300);
  });

  it('holds no credential and no NIK in any line', () => {
    // The development notifier writes one-time codes to the log (it sends nothing): only a
    // process started with NODE_ENV=development may, and only those.
    const leaks = lines.flatMap(({ file, line }) =>
      leaksIn(line)
        .filter((what) => !(file.endsWith('.development.log') && isOneTimeCode(what)))
        .map((what) => `${file}: ${what}`),
    );
    expect([...new Set(leaks)]).toEqual([]);
  });
});
