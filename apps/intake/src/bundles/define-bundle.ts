import { DomainError } from '@satupintu/common';
import type { BundleV1, DefineBundleV1, Principal } from '@satupintu/contracts';
import { checkBundleSteps } from '@satupintu/domain';

export interface DefineBundlePorts {
  findService(code: string): Promise<{ code: string; agencyCode: string } | undefined>;
  /** Inserts or replaces the definition, bumping its version; answers the stored bundle. */
  save(bundle: Omit<BundleV1, 'version'>, definedBy: string): Promise<BundleV1>;
}

/** Only a mall admin shapes the mall's bundles: they span agencies, so no agency's admin does. */
export function assertMallAdmin(principal: Principal): string {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: 'bundles' });
  if (principal.kind !== 'officer' || !principal.subject || !principal.roles.includes('MALL_ADMIN'))
    throw new DomainError('forbidden', 403, [], { resource: 'bundles' });
  return principal.subject;
}

/**
 * Defines or redefines a bundle (see `bundleOf`); only a mall admin may.
 */
export async function defineBundle(
  principal: Principal,
  input: DefineBundleV1,
  ports: DefineBundlePorts,
): Promise<BundleV1> {
  const definedBy = assertMallAdmin(principal);
  return ports.save(await bundleOf(input, (code) => ports.findService(code)), definedBy);
}

/**
 * A bundle as stored: its steps must form a DAG of services in the catalog, each input taken
 * from a step upstream (see `checkBundleSteps`); every problem is a 422, per field. The steps
 * come in topological order, each with the agency that owns its service.
 */
export async function bundleOf(
  input: DefineBundleV1,
  findService: DefineBundlePorts['findService'],
): Promise<Omit<BundleV1, 'version'>> {
  const services = new Map<string, { agencyCode: string }>();
  for (const code of new Set(input.steps.map((step) => step.serviceCode))) {
    const service = await findService(code);
    if (service) services.set(code, service);
  }
  const check = checkBundleSteps(input.steps, (code) => services.has(code));
  if (!check.ok) throw DomainError.validation(check.problems, 422);

  const byKey = new Map(input.steps.map((step) => [step.key, step]));
  return {
    code: input.code,
    nameId: input.nameId.trim(),
    nameEn: input.nameEn.trim(),
    ...(input.descriptionId ? { descriptionId: input.descriptionId } : {}),
    ...(input.descriptionEn ? { descriptionEn: input.descriptionEn } : {}),
    steps: check.order.map((key) => {
      const step = byKey.get(key)!;
      return {
        key,
        serviceCode: step.serviceCode,
        agencyCode: services.get(step.serviceCode)!.agencyCode,
        dependsOn: [...step.dependsOn],
        inputs: step.inputs.map(({ fromStep, asRequirement }) => ({ fromStep, asRequirement })),
      };
    }),
  };
}
