import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNatsServer, natsInstallHelp } from './nats';

describe('findNatsServer', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nats-bin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable nats-server on PATH', () => {
    writeFileSync(join(dir, 'nats-server'), '#!/bin/sh\n');
    chmodSync(join(dir, 'nats-server'), 0o755);
    expect(findNatsServer({ PATH: `/nonexistent:${dir}` }, [])).toBe(join(dir, 'nats-server'));
  });

  it('looks in the usual places when PATH lacks it', () => {
    writeFileSync(join(dir, 'nats-server'), '#!/bin/sh\n');
    chmodSync(join(dir, 'nats-server'), 0o755);
    expect(findNatsServer({ PATH: '/nonexistent' }, [dir])).toBe(join(dir, 'nats-server'));
  });

  it('ignores a file that is not executable, and says null when there is none', () => {
    writeFileSync(join(dir, 'nats-server'), '');
    chmodSync(join(dir, 'nats-server'), 0o644);
    // Root may execute any file with an x bit only; a 0644 file is not executable even for root.
    expect(findNatsServer({ PATH: dir }, [])).toBeNull();
    expect(findNatsServer({}, [])).toBeNull();
  });
});

describe('natsInstallHelp', () => {
  it('says how to install it or where else to point', () => {
    const help = natsInstallHelp('nats://127.0.0.1:4222');
    expect(help).toContain('apt-get install nats-server');
    expect(help).toContain('https://nats.io');
    expect(help).toContain('NATS_URL');
  });
});
