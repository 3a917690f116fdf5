import { DomainError } from '@satupintu/common';
import type {
  Principal,
  PublishServiceStandardV1,
  ServiceStandardContentV1,
  ServiceStandardV1,
} from '@satupintu/contracts';
import { checkFormRules } from '@satupintu/domain';

export interface PublishServiceStandardPorts {
  /**
   * Stores the standard as the service's next version (1 for a new service) and records
   * `ServiceStandardPublished` in the same transaction; answers what was published.
   */
  publish(code: string, content: ServiceStandardContentV1): Promise<ServiceStandardV1>;
}

/**
 * Who may publish an agency's standards: its agency admin, or a mall admin. Officers of the
 * agency in other roles, other agencies and applicants may not.
 */
export function mayPublishStandards(principal: Principal, agencyCode: string): boolean {
  if (principal.kind !== 'officer') return false;
  if (principal.roles.includes('MALL_ADMIN')) return true;
  return principal.agency === agencyCode && principal.roles.includes('AGENCY_ADMIN');
}

/**
 * Creates or replaces the standard of one of this agency's services. The code names the agency
 * (`DUKCAPIL-KK` is Dukcapil's), so no agency can publish over another's service in the mall's
 * catalog. The form's fields must fit together (unique names, options for enums only, bounds
 * for their types) and document kinds be unique; every problem is reported at once (422).
 */
export async function publishServiceStandard(
  agencyCode: string,
  principal: Principal,
  request: PublishServiceStandardV1,
  ports: PublishServiceStandardPorts,
): Promise<ServiceStandardV1> {
  if (principal.kind === 'anonymous')
    throw new DomainError('unauthenticated', 401, [], { resource: `services of ${agencyCode}` });
  if (!mayPublishStandards(principal, agencyCode))
    throw new DomainError('forbidden', 403, [], { resource: `services of ${agencyCode}` });

  const { code, ...content } = request;
  const errors = [];
  const prefix = `${agencyCode}-`;
  if (!code.startsWith(prefix) || code.length === prefix.length)
    errors.push({ field: 'code', code: 'service_code_not_of_agency', params: { prefix } });
  errors.push(
    ...checkFormRules(
      content.requirements.fields,
      content.requirements.documents.map((document) => document.kind),
    ),
  );
  if (errors.length > 0) throw DomainError.validation(errors, 422);
  return ports.publish(code, content);
}
