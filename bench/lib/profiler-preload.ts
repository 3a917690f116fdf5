/**
 * Loaded into each service with `NODE_OPTIONS=--require …/profiler-preload.js` when the bench runs
 * with BENCH_PROFILE=1. When the file `<BENCH_PROFILE_DIR>/start` appears it starts the V8 CPU
 * profiler; when `stop` appears it writes `<BENCH_PROFILE_DIR>/<service>-<pid>.cpuprofile` (open it
 * in Chrome DevTools). So the profile covers exactly the run the bench brackets, not the start-up.
 * (Files, not signals: Nest's shutdown hooks take SIGUSR2 and the other spare signals.)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const app = /apps\/([^/]+)\/src\/main\.js$/.exec(process.argv[1] ?? '')?.[1] ?? 'node';
  const name =
    app === 'agency' && process.env.AGENCY_CODE ? `agency-${process.env.AGENCY_CODE}` : app;
  const session = new Session();
  session.connect();
  let state: 'waiting' | 'profiling' | 'done' = 'waiting';
  const timer = setInterval(() => {
    if (state === 'waiting' && existsSync(join(dir, 'start'))) {
      state = 'profiling';
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    } else if (state === 'profiling' && existsSync(join(dir, 'stop'))) {
      state = 'done';
      clearInterval(timer);
      session.post('Profiler.stop', (error, result) => {
        if (!error)
          writeFileSync(
            join(dir, `${name}-${process.pid}.cpuprofile`),
            JSON.stringify(result.profile),
          );
      });
    }
  }, 100);
  timer.unref();
}
