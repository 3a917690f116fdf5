import { checkPort } from '@satupintu/process';

/** Ports below the kernel's ephemeral range (32768+), where the outgoing connections' ports come from. */
const FIRST = 10_000;
/** Each Jest worker its own block: two workers never hand out the same port. */
const BLOCK = 4_000;
/** `npm start`'s suite takes its ports from 20,000 on (scripts/test/start.int-spec.ts). */
const WORKER_BLOCKS = 2;

let cursor = Math.floor(Math.random() * BLOCK);

/**
 * A free port for a process a test starts. The kernel's own choice (`freePort`) is free only
 * until the socket asking for it closes: with suites on two workers, another worker's process
 * was once handed the same port in between and the service died on EADDRINUSE. Here each worker
 * draws from a block of its own, outside the ephemeral range, in turn, and checks the port.
 */
export async function testPort(host = '127.0.0.1'): Promise<number> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  const first = FIRST + ((worker - 1) % WORKER_BLOCKS) * BLOCK;
  for (let attempt = 0; attempt < BLOCK; attempt++) {
    const port = first + (cursor++ % BLOCK);
    if ((await checkPort(host, port)).free) return port;
  }
  throw new Error(`no free port in ${first}–${first + BLOCK - 1}`);
}
