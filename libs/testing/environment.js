// The integration suites' Jest environment: Node's, plus a last look after each test file for
// services it started and did not stop. A suite whose beforeAll failed half way (one service of
// a Promise.all did not start) leaves the others running, unseen: they go on consuming the
// run's events beside the next suites, and their pipes keep Jest from ever exiting (a CI run
// once hung for 90 minutes after its last test so). `stop-leaked-processes.ts` hands over the
// function that stops them, from inside the file's own module registry.
const { TestEnvironment } = require('jest-environment-node');

/**
 * With several Jest workers (`SP_TEST_PARALLEL=1`, set by `npm test`), each worker is a mall of
 * its own: the run's namespace and database prefix with the worker's number, so suites running at
 * the same time never share streams, consumers or databases. Set before the test file's context
 * is built, which copies process.env.
 */
function isolateWorker() {
  const { SP_TEST_PARALLEL, SP_RUN_NAMESPACE, SP_RUN_DB_PREFIX, JEST_WORKER_ID } = process.env;
  if (SP_TEST_PARALLEL !== '1' || !SP_RUN_NAMESPACE || !SP_RUN_DB_PREFIX || !JEST_WORKER_ID) return;
  process.env.SP_NAMESPACE = `${SP_RUN_NAMESPACE}w${JEST_WORKER_ID}`;
  process.env.DB_PREFIX = `${SP_RUN_DB_PREFIX}_w${JEST_WORKER_ID}`;
}

class IntegrationEnvironment extends TestEnvironment {
  constructor(config, context) {
    isolateWorker();
    super(config, context);
    this.testPath = context.testPath;
  }

  async teardown() {
    const stop = this.global.__stopLeakedProcesses;
    if (typeof stop === 'function') {
      const names = await stop();
      if (names.length > 0) {
        process.stderr.write(
          `${this.testPath}: stopped ${names.length} process(es) the suite left running: ${names.join(', ')}\n`,
        );
      }
    }
    await super.teardown();
  }
}

module.exports = IntegrationEnvironment;
