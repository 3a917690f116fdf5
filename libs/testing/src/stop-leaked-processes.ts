import { stopEveryChild } from '@satupintu/process';

// Runs in each integration test file's module registry, so it reaches the very set of processes
// that file started; the environment (libs/testing/environment.js) calls it after the file.
(globalThis as { __stopLeakedProcesses?: () => Promise<string[]> }).__stopLeakedProcesses = () =>
  stopEveryChild({ graceMs: 5000 });
