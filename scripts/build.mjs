// Compiles every app, lib, script, the bench and the chaos harness to dist/ with SWC (TypeScript 7
// has no compiler API, so tsc only type-checks: `npm run typecheck`). Fast enough to run on every
// start. Then writes the API contract, docs/openapi.json and the API client's types, from the
// compiled gateway, unless `--no-openapi` is given: the test run passes it, so that it checks the
// committed files instead of rewriting them first.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require.resolve('@swc/cli/bin/swc.js');
const roots = ['apps', 'libs', 'scripts', 'bench', 'chaos'].filter((dir) => existsSync(dir));

rmSync('dist', { recursive: true, force: true });
execFileSync(
  process.execPath,
  [swc, ...roots, '-d', 'dist', '--copy-files', '--ignore', '**/*.spec.ts,**/test/**', '--quiet'],
  { stdio: 'inherit' },
);

if (!process.argv.includes('--no-openapi')) {
  execFileSync(process.execPath, ['dist/scripts/openapi.js'], { stdio: 'inherit' });
}
