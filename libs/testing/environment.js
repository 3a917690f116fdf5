// The integration suites' Jest environment: Node's, plus a last look after each test file for
// services it started and did not stop. A suite whose beforeAll failed half way (one service of
// a Promise.all did not start) leaves the others running, unseen: they go on consuming the
// run's events beside the next suites, and their pipes keep Jest from ever exiting (a CI run
// once hung for 90 minutes after its last test so). `stop-leaked-processes.ts` hands over the
// function that stops them, from inside the file's own module registry.
const { TestEnvironment } = require('jest-environment-node');

class IntegrationEnvironment extends TestEnvironment {
  constructor(config, context) {
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
