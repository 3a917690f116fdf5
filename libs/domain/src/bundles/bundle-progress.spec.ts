import {
  decideOnStepStatus,
  firstSteps,
  type BundleStepState,
  type BundleStepStatus,
} from './bundle-progress';
import { APPLICATION_STATUSES } from '../application-status/application-status';

/** Birth of a child: the birth certificate, then the family card, then BPJS and the KTP apart. */
function birth(statuses: Partial<Record<string, BundleStepStatus>> = {}): BundleStepState[] {
  const steps: [string, string[]][] = [
    ['akta', []],
    ['kk', ['akta']],
    ['bpjs', ['kk']],
    ['kia', ['kk']],
  ];
  return steps.map(([key, dependsOn]) => ({ key, dependsOn, status: statuses[key] ?? 'WAITING' }));
}

describe('opening a bundle', () => {
  it('opens the steps that depend on nothing, all of them', () => {
    expect(firstSteps(birth())).toEqual(['akta']);
    expect(
      firstSteps([
        { key: 'x', dependsOn: [] },
        { key: 'y', dependsOn: [] },
      ]),
    ).toEqual(['x', 'y']);
  });
});

describe('a step’s application changing status', () => {
  it('opens the next step when its only dependency is issued', () => {
    expect(decideOnStepStatus('IN_PROGRESS', birth({ akta: 'OPEN' }), 'akta', 'ISSUED')).toEqual({
      kind: 'issued',
      step: 'akta',
      open: ['kk'],
      completed: false,
    });
  });

  it('opens every step that was waiting on it, in parallel', () => {
    const steps = birth({ akta: 'ISSUED', kk: 'OPEN' });
    expect(decideOnStepStatus('IN_PROGRESS', steps, 'kk', 'ISSUED')).toMatchObject({
      open: ['bpjs', 'kia'],
      completed: false,
    });
  });

  it('waits for the last of several dependencies', () => {
    const steps: BundleStepState[] = [
      { key: 'a', dependsOn: [], status: 'OPEN' },
      { key: 'b', dependsOn: [], status: 'OPEN' },
      { key: 'c', dependsOn: ['a', 'b'], status: 'WAITING' },
    ];
    expect(decideOnStepStatus('IN_PROGRESS', steps, 'a', 'ISSUED')).toMatchObject({ open: [] });
    steps[0].status = 'ISSUED';
    expect(decideOnStepStatus('IN_PROGRESS', steps, 'b', 'ISSUED')).toMatchObject({ open: ['c'] });
  });

  it('completes the bundle when the last step is issued', () => {
    const steps = birth({ akta: 'ISSUED', kk: 'ISSUED', bpjs: 'ISSUED', kia: 'OPEN' });
    expect(decideOnStepStatus('IN_PROGRESS', steps, 'kia', 'ISSUED')).toEqual({
      kind: 'issued',
      step: 'kia',
      open: [],
      completed: true,
    });
  });

  it.each(['REJECTED', 'WITHDRAWN'] as const)(
    'fails the bundle on %s, cancelling the waiting and the open steps',
    (status) => {
      const steps = birth({ akta: 'ISSUED', kk: 'ISSUED', bpjs: 'OPEN', kia: 'OPEN' });
      expect(decideOnStepStatus('IN_PROGRESS', steps, 'kia', status)).toEqual({
        kind: 'failed',
        step: 'kia',
        status,
        cancelWaiting: [],
        cancelOpen: ['bpjs'],
      });
      expect(decideOnStepStatus('IN_PROGRESS', birth({ akta: 'OPEN' }), 'akta', status)).toEqual({
        kind: 'failed',
        step: 'akta',
        status,
        cancelWaiting: ['kk', 'bpjs', 'kia'],
        cancelOpen: [],
      });
    },
  );

  it.each(APPLICATION_STATUSES.filter((s) => !['ISSUED', 'REJECTED', 'WITHDRAWN'].includes(s)))(
    'changes nothing while the application is %s',
    (status) => {
      expect(decideOnStepStatus('IN_PROGRESS', birth({ akta: 'OPEN' }), 'akta', status)).toEqual({
        kind: 'none',
      });
    },
  );

  it.each(['WAITING', 'ISSUED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'] as const)(
    'changes nothing for a step that is %s (news repeated, or too late)',
    (stepStatus) => {
      for (const status of APPLICATION_STATUSES)
        expect(decideOnStepStatus('IN_PROGRESS', birth({ kk: stepStatus }), 'kk', status)).toEqual({
          kind: 'none',
        });
    },
  );

  it.each(['COMPLETED', 'FAILED'] as const)('changes nothing once the bundle is %s', (bundle) => {
    for (const status of APPLICATION_STATUSES)
      expect(decideOnStepStatus(bundle, birth({ akta: 'OPEN' }), 'akta', status)).toEqual({
        kind: 'none',
      });
  });

  it('changes nothing for a step the bundle does not have', () => {
    expect(decideOnStepStatus('IN_PROGRESS', birth(), 'ghost', 'ISSUED')).toEqual({ kind: 'none' });
  });
});
