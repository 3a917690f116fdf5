import { faultMatrix } from './faults';
import { type RowResult, markdownTable, rowFailed } from './report';

const [killGateway, killIntake] = faultMatrix(['gateway', 'intake']);
const clean: RowResult = {
  fault: killGateway,
  acknowledged: 412,
  lost: 0,
  twice: 0,
  failures: 'refused×38',
  recoverySeconds: 4.26,
  withoutHelp: true,
  notes: ['gateway restarted once by the supervisor'],
};

describe('rowFailed', () => {
  it('passes a row that lost nothing, did nothing twice and came back by itself', () => {
    expect(rowFailed(clean)).toBe(false);
  });

  it('fails a row with anything lost, anything twice, or that needed help', () => {
    expect(rowFailed({ ...clean, lost: 1 })).toBe(true);
    expect(rowFailed({ ...clean, twice: 1 })).toBe(true);
    expect(rowFailed({ ...clean, withoutHelp: false })).toBe(true);
  });
});

describe('markdownTable', () => {
  it('has a row per fault, with what is wrong in bold', () => {
    const failed: RowResult = {
      ...clean,
      fault: killIntake,
      lost: 3,
      recoverySeconds: undefined,
      withoutHelp: false,
      notes: ['tracking | restarted'],
    };
    expect(markdownTable([clean, failed], 60).split('\n')).toEqual([
      '| fault | acknowledged | lost | processed twice | non-2xx by status | seconds to recover | recovered without help | notes |',
      '| --- | ---: | ---: | ---: | --- | ---: | --- | --- |',
      '| SIGKILL gateway | 412 | 0 | 0 | refused×38 | 4.3 | yes | gateway restarted once by the supervisor |',
      '| SIGKILL intake | 412 | **3** | 0 | refused×38 | **> 60** | **no** | tracking \\| restarted |',
    ]);
  });
});
