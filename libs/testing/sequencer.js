// Integration suites in Jest's usual order, except `*.last.int-spec.ts`, which run after all
// the others: they check what the whole run left behind (for example, what is in JetStream).
const Sequencer = require('@jest/test-sequencer').default;

class LastSuitesLast extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isLast = (test) => /\.last\.int-spec\.ts$/.test(test.path);
    return [...sorted.filter((test) => !isLast(test)), ...sorted.filter(isLast)];
  }
}

module.exports = LastSuitesLast;
