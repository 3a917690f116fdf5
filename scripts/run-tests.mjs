// `npm test`: the unit project on every core, then the integration project: its suites on two
// Jest workers, each worker a mall of its own (its namespace and databases, see
// libs/testing/environment.js), then the `*.last.int-spec.ts` in band, which read what every
// worker left. Both Jest runs of the integration project are one test run: they share its id,
// the second cleans up. With a path filter, or with containers (which end with the Jest run
// that started them), the integration project runs once, in band.
// Everything always runs; the exit code is the first failure's.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const args = process.argv.slice(2);
const filtered = args.length > 0;
// A path filter may match suites of one project only: the other then finds none, which is fine.
if (filtered) args.push('--passWithNoTests');
const run = (extra, env = {}) =>
  spawnSync(process.execPath, [jest, ...extra, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status ?? 1;

const unit = run([
  '--selectProjects',
  'unit',
  `--maxWorkers=${Math.max(2, availableParallelism())}`,
]);

const givenInfrastructure = Boolean(process.env.DATABASE_URL && process.env.NATS_URL);
const docker = Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
const LAST = '\\.last\\.int-spec\\.ts$';
let integration;
if (filtered || (docker && !givenInfrastructure)) {
  integration = run(['--selectProjects', 'integration', '--runInBand']);
} else {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const workers = run(
    [
      '--selectProjects',
      'integration',
      '--maxWorkers=2',
      '--testPathIgnorePatterns',
      '/node_modules/',
      LAST,
    ],
    { SP_TEST_RUN_ID: runId, SP_TEST_PARALLEL: '1', SP_TEST_KEEP_RUN: '1' },
  );
  const last = run(['--selectProjects', 'integration', '--runInBand', '--testPathPatterns', LAST], {
    SP_TEST_RUN_ID: runId,
    SP_TEST_BUILT: '1',
  });
  integration = workers || last;
}
process.exit(unit || integration);
