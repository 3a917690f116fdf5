import { defineRequest } from '../contract';
import type { AgencyV1 } from './create-agency.v1';

/** No fields: every agency of the mall (a public list; a mall has tens, not thousands). */
export class ListAgenciesV1 {}

export interface AgenciesV1 {
  items: AgencyV1[];
}

export const ListAgencies = defineRequest<ListAgenciesV1, AgenciesV1>({
  subject: 'identity.agency.list.v1',
  service: 'identity',
  payload: ListAgenciesV1,
});
