import {
  checkBundleSteps,
  topologicalOrder,
  upstreamOf,
  type BundleStep,
} from './bundle-definition';

const step = (
  key: string,
  dependsOn: string[] = [],
  inputs: BundleStep['inputs'] = [],
): BundleStep => ({
  key,
  serviceCode: `SVC-${key.toUpperCase()}`,
  dependsOn,
  inputs,
});
const anyService = () => true;

describe('checking a bundle definition', () => {
  it('accepts a chain and orders it from the step that depends on nothing', () => {
    const steps = [step('bpjs', ['kk']), step('kk', ['akta']), step('akta')];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: true,
      order: ['akta', 'kk', 'bpjs'],
    });
  });

  it('accepts a diamond, independent steps in definition order', () => {
    const steps = [
      step('nib'),
      step('sip', ['nib']),
      step('pbg', ['nib']),
      step('end', ['pbg', 'sip']),
    ];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: true,
      order: ['nib', 'sip', 'pbg', 'end'],
    });
  });

  it('accepts a single step and steps with no dependencies at all', () => {
    expect(checkBundleSteps([step('a')], anyService)).toEqual({ ok: true, order: ['a'] });
    expect(checkBundleSteps([step('b'), step('a')], anyService)).toEqual({
      ok: true,
      order: ['b', 'a'],
    });
  });

  it('refuses a step that depends on itself', () => {
    expect(checkBundleSteps([step('a', ['a'])], anyService)).toEqual({
      ok: false,
      problems: [{ field: 'steps.0.dependsOn.0', code: 'self_dependency' }],
    });
  });

  it('refuses a dependency on a step that is not in the bundle', () => {
    expect(checkBundleSteps([step('a'), step('b', ['a', 'zz'])], anyService)).toEqual({
      ok: false,
      problems: [{ field: 'steps.1.dependsOn.1', code: 'unknown_step', params: { step: 'zz' } }],
    });
  });

  it('refuses two steps with one key', () => {
    expect(checkBundleSteps([step('a'), step('a')], anyService)).toEqual({
      ok: false,
      problems: [{ field: 'steps.1.key', code: 'duplicate_step', params: { step: 'a' } }],
    });
  });

  it('refuses a cycle of two, naming both steps', () => {
    expect(checkBundleSteps([step('a', ['b']), step('b', ['a'])], anyService)).toEqual({
      ok: false,
      problems: [
        { field: 'steps.0.dependsOn', code: 'dependency_cycle', params: { step: 'a' } },
        { field: 'steps.1.dependsOn', code: 'dependency_cycle', params: { step: 'b' } },
      ],
    });
  });

  it('refuses a long cycle behind a sound start, naming only the steps on it', () => {
    const steps = [
      step('start'),
      step('a', ['start', 'c']),
      step('b', ['a']),
      step('c', ['b']),
      step('after', ['c']),
    ];
    const check = checkBundleSteps(steps, anyService);
    expect(check).toEqual({
      ok: false,
      problems: ['a', 'b', 'c'].map((key, i) => ({
        field: `steps.${i + 1}.dependsOn`,
        code: 'dependency_cycle',
        params: { step: key },
      })),
    });
  });

  it('refuses a service the catalog does not have, naming it', () => {
    const known = new Set(['SVC-A']);
    expect(checkBundleSteps([step('a'), step('b', ['a'])], (code) => known.has(code))).toEqual({
      ok: false,
      problems: [
        { field: 'steps.1.serviceCode', code: 'unknown_service', params: { serviceCode: 'SVC-B' } },
      ],
    });
  });

  it('reports every problem at once', () => {
    const check = checkBundleSteps([step('a', ['a']), step('b', ['nope'])], () => false);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
        'steps.0.dependsOn.0:self_dependency',
        'steps.0.serviceCode:unknown_service',
        'steps.1.dependsOn.0:unknown_step',
        'steps.1.serviceCode:unknown_service',
      ]);
  });

  it('accepts an input from a step upstream through another', () => {
    const steps = [
      step('akta'),
      step('kk', ['akta'], [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }]),
      step(
        'bpjs',
        ['kk'],
        [
          { fromStep: 'kk', asRequirement: 'KARTU_KELUARGA' },
          { fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' },
        ],
      ),
    ];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: true,
      order: ['akta', 'kk', 'bpjs'],
    });
  });

  it('refuses an input from a step that is not upstream: a sibling, a later step, itself', () => {
    const steps = [
      step('nib'),
      step('sip', ['nib'], [{ fromStep: 'pbg', asRequirement: 'PBG' }]),
      step('pbg', ['nib'], [{ fromStep: 'pbg', asRequirement: 'PBG' }]),
      step('first', [], [{ fromStep: 'nib', asRequirement: 'NIB' }]),
    ];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: false,
      problems: [
        { field: 'steps.1.inputs.0.fromStep', code: 'input_not_upstream', params: { step: 'pbg' } },
        { field: 'steps.2.inputs.0.fromStep', code: 'input_not_upstream', params: { step: 'pbg' } },
        { field: 'steps.3.inputs.0.fromStep', code: 'input_not_upstream', params: { step: 'nib' } },
      ],
    });
  });

  it('refuses an input from a step that does not exist', () => {
    const steps = [step('a'), step('b', ['a'], [{ fromStep: 'ghost', asRequirement: 'X_DOC' }])];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: false,
      problems: [
        { field: 'steps.1.inputs.0.fromStep', code: 'unknown_step', params: { step: 'ghost' } },
      ],
    });
  });

  it('refuses one requirement filled twice at one step', () => {
    const steps = [
      step('a'),
      step('b'),
      step(
        'c',
        ['a', 'b'],
        [
          { fromStep: 'a', asRequirement: 'DOC' },
          { fromStep: 'b', asRequirement: 'DOC' },
        ],
      ),
    ];
    expect(checkBundleSteps(steps, anyService)).toEqual({
      ok: false,
      problems: [
        {
          field: 'steps.2.inputs.1.asRequirement',
          code: 'duplicate_requirement',
          params: { requirement: 'DOC' },
        },
      ],
    });
  });
});

describe('ordering steps', () => {
  it('puts every step after each it depends on, for every DAG on four steps', () => {
    const keys = ['a', 'b', 'c', 'd'];
    // Each possible edge from an earlier to a later key, in any subset: every DAG up to relabeling.
    const edges: [number, number][] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) edges.push([i, j]);
    for (let mask = 0; mask < 1 << edges.length; mask++) {
      const dependsOn = keys.map(() => [] as string[]);
      edges.forEach(([from, to], e) => {
        if (mask & (1 << e)) dependsOn[to].push(keys[from]);
      });
      // Defined backwards, so the order cannot just be the definition's.
      const steps = keys.map((key, i) => step(key, dependsOn[i])).reverse();
      const order = topologicalOrder(steps)!;
      expect([...order].sort()).toEqual(keys);
      for (const s of steps)
        for (const d of s.dependsOn) expect(order.indexOf(d)).toBeLessThan(order.indexOf(s.key));
      expect(checkBundleSteps(steps, anyService)).toEqual({ ok: true, order });
    }
  });

  it('finds no order with a cycle', () => {
    expect(
      topologicalOrder([step('a', ['c']), step('b', ['a']), step('c', ['b'])]),
    ).toBeUndefined();
  });

  it('knows everything upstream of each step', () => {
    const upstream = upstreamOf([step('a'), step('b', ['a']), step('c', ['b']), step('d', ['a'])]);
    expect(Object.fromEntries([...upstream].map(([key, set]) => [key, [...set].sort()]))).toEqual({
      a: [],
      b: ['a'],
      c: ['a', 'b'],
      d: ['a'],
    });
  });
});
