/**
 * A bundle is a set of services across agencies that together give one joint output, as steps
 * with dependencies: a step becomes an application at its agency once every step it depends on
 * has been issued, and may take an upstream step's output as one of its requirements. The
 * steps must form a DAG; this file checks that, and orders them.
 */

/** An upstream step's output, handed to this step as the document of a requirement kind. */
export interface BundleStepInput {
  fromStep: string;
  /** The requirement (document kind) it stands for at this step's service. */
  asRequirement: string;
}

export interface BundleStep {
  key: string;
  serviceCode: string;
  dependsOn: string[];
  inputs: BundleStepInput[];
}

/** One problem of a definition: `field` is a dotted path into the definition (`steps.1.dependsOn.0`). */
export interface BundleProblem {
  field: string;
  code:
    | 'duplicate_step'
    | 'self_dependency'
    | 'unknown_step'
    | 'dependency_cycle'
    | 'unknown_service'
    | 'input_not_upstream'
    | 'duplicate_requirement';
  params?: Record<string, string>;
}

export type BundleCheck = { ok: true; order: string[] } | { ok: false; problems: BundleProblem[] };

/**
 * Checks a bundle's steps: keys unique; every dependency a known other step; no cycle; every
 * service known (`serviceExists`); every input from a step this one depends on, directly or
 * through others (only an issued step has an output); each requirement filled once. Every
 * problem is reported at once. On success answers an order in which every step comes after
 * those it depends on (ties in definition order, so the order is stable).
 */
export function checkBundleSteps(
  steps: readonly BundleStep[],
  serviceExists: (code: string) => boolean,
): BundleCheck {
  const problems: BundleProblem[] = [];
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (index.has(step.key))
      problems.push({
        field: `steps.${i}.key`,
        code: 'duplicate_step',
        params: { step: step.key },
      });
    else index.set(step.key, i);
  });

  steps.forEach((step, i) => {
    step.dependsOn.forEach((dependency, j) => {
      const field = `steps.${i}.dependsOn.${j}`;
      if (dependency === step.key) problems.push({ field, code: 'self_dependency' });
      else if (!index.has(dependency))
        problems.push({ field, code: 'unknown_step', params: { step: dependency } });
    });
    if (!serviceExists(step.serviceCode))
      problems.push({
        field: `steps.${i}.serviceCode`,
        code: 'unknown_service',
        params: { serviceCode: step.serviceCode },
      });
  });

  const edgesKnown = !problems.some((p) => p.code !== 'unknown_service');
  const order = edgesKnown ? topologicalOrder(steps) : undefined;
  if (edgesKnown && !order) {
    for (const key of stepsOnCycles(steps)) {
      const i = index.get(key)!;
      problems.push({
        field: `steps.${i}.dependsOn`,
        code: 'dependency_cycle',
        params: { step: key },
      });
    }
  }

  // Upstream means reachable through dependsOn; only meaningful once the graph is sound.
  if (order) {
    const upstream = upstreamOf(steps);
    steps.forEach((step, i) => {
      const filled = new Set<string>();
      step.inputs.forEach((input, j) => {
        if (!upstream.get(step.key)!.has(input.fromStep))
          problems.push({
            field: `steps.${i}.inputs.${j}.fromStep`,
            code:
              input.fromStep === step.key || index.has(input.fromStep)
                ? 'input_not_upstream'
                : 'unknown_step',
            params: { step: input.fromStep },
          });
        if (filled.has(input.asRequirement))
          problems.push({
            field: `steps.${i}.inputs.${j}.asRequirement`,
            code: 'duplicate_requirement',
            params: { requirement: input.asRequirement },
          });
        filled.add(input.asRequirement);
      });
    });
  }

  return problems.length === 0 && order ? { ok: true, order } : { ok: false, problems };
}

/**
 * Kahn's algorithm, taking the earliest-defined ready step first. Undefined if there is a
 * cycle. Assumes every dependency names a step.
 */
export function topologicalOrder(steps: readonly BundleStep[]): string[] | undefined {
  const waitingOn = new Map(steps.map((step) => [step.key, new Set(step.dependsOn)]));
  const order: string[] = [];
  while (order.length < steps.length) {
    const next = steps.find(
      (step) => waitingOn.get(step.key)!.size === 0 && !order.includes(step.key),
    );
    if (!next) return undefined;
    order.push(next.key);
    for (const deps of waitingOn.values()) deps.delete(next.key);
  }
  return order;
}

/** For each step, every step it depends on, directly or transitively. */
export function upstreamOf(steps: readonly BundleStep[]): Map<string, Set<string>> {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const memo = new Map<string, Set<string>>();
  const visit = (key: string, path: Set<string>): Set<string> => {
    const known = memo.get(key);
    if (known) return known;
    const all = new Set<string>();
    for (const dependency of byKey.get(key)?.dependsOn ?? []) {
      if (path.has(dependency)) continue; // a cycle: reported elsewhere
      all.add(dependency);
      for (const further of visit(dependency, new Set([...path, dependency]))) all.add(further);
    }
    memo.set(key, all);
    return all;
  };
  for (const step of steps) visit(step.key, new Set([step.key]));
  return memo;
}

/** The steps that lie on a cycle: those upstream of themselves. */
function stepsOnCycles(steps: readonly BundleStep[]): string[] {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  return steps
    .filter((start) => {
      const seen = new Set<string>();
      const stack = [...start.dependsOn];
      while (stack.length > 0) {
        const key = stack.pop()!;
        if (key === start.key) return true;
        if (seen.has(key)) continue;
        seen.add(key);
        stack.push(...(byKey.get(key)?.dependsOn ?? []));
      }
      return false;
    })
    .map((step) => step.key);
}
