// Compiles every app, lib, script, the bench and the chaos harness to dist/ with SWC (TypeScript 7
// has no compiler API, so tsc only type-checks: `npm run typecheck`). Fast enough to run on every
// start.
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
