/**
 * Test-only fault injection, so the tests and `npm run chaos` can put a crash exactly where a
 * real one would hurt most, instead of hoping a SIGKILL lands there. `SP_FAILPOINT` names the
 * point; each fires once per process, then the process dies as by `kill -9`. Unset in every
 * real deployment (the variable is documented as test-only).
 *
 * - `consumer-after-commit`: a consumer has committed a batch (effects and inbox rows) and dies
 *   before acking it, so JetStream redelivers messages that were already processed.
 * - `output-stored-before-publish`: an agency's output delivery job has stored the PDF and dies
 *   before its transaction (the job's end and the ISSUED event) commits, so the job runs again.
 * - `deadline-alerts-before-commit`: tracking's deadline sweep has recorded alerts and written
 *   their events and dies before its transaction commits, so the next sweep raises them again.
 * - `case-notification-before-send`: identity's job has claimed a case notification and dies
 *   before handing it to the notifier, so the job runs again after the restart.
 * - `queue-sessions-close-before-commit`: the queue's end-of-day job has closed counter sessions
 *   and marked their called tickets no-shows, and dies before its transaction commits, so the
 *   next run closes them again.
 */
export type Failpoint =
  | 'consumer-after-commit'
  | 'output-stored-before-publish'
  | 'deadline-alerts-before-commit'
  | 'case-notification-before-send'
  | 'complaint-sweep-before-commit'
  | 'queue-sessions-close-before-commit';

const armed = new Set((process.env.SP_FAILPOINT ?? '').split(',').filter(Boolean));

export function failpoint(name: Failpoint): void {
  if (!armed.has(name)) return;
  armed.delete(name);
  process.stderr.write(`failpoint ${name}: killing the process\n`);
  process.kill(process.pid, 'SIGKILL');
}
