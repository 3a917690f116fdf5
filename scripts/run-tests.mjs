// `npm test`: the unit project on every core, then the integration project in band. One Jest
// run of both would be in band throughout (the integration suites share the run's namespace and
// databases, so they must not overlap), leaving a core idle for the two minutes of unit tests.
// Both always run; the exit code is the first failure's. Arguments go to both (a path filter).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const args = process.argv.slice(2);
// A path filter may match suites of one project only: the other then finds none, which is fine.
if (args.length > 0) args.push('--passWithNoTests');
const run = (extra) =>
  spawnSync(process.execPath, [jest, ...extra, ...args], { stdio: 'inherit' }).status ?? 1;

const unit = run([
  '--selectProjects',
  'unit',
  `--maxWorkers=${Math.max(2, availableParallelism())}`,
]);
const integration = run(['--selectProjects', 'integration', '--runInBand']);
process.exit(unit || integration);
