import { IsDefined, IsString, Matches } from 'class-validator';
import { defineRequest } from '../contract';
import {
  SERVICE_CODE_PATTERN,
  ServiceStandardContentV1,
  type ServiceStandardV1,
} from './service-standard-published.v1';

/**
 * An agency admin (or a mall admin) creates or replaces the standard of one of the agency's
 * services. Routed to that agency's deployment, which owns its standards: it stores the next
 * version and publishes `ServiceStandardPublished` in one transaction, and answers with it.
 */
export class PublishServiceStandardV1 extends ServiceStandardContentV1 {
  @IsDefined()
  @IsString()
  @Matches(SERVICE_CODE_PATTERN, { context: { code: 'service_code_format' } })
  code: string;
}

export const PublishServiceStandard = defineRequest<PublishServiceStandardV1, ServiceStandardV1>({
  subject: 'agency.service-standard.publish.v1',
  service: 'agency',
  routedBy: 'agency',
  payload: PublishServiceStandardV1,
});
