import { defineRequest } from '../contract';
import type { BusinessV1 } from './register-business.v1';

/** No fields: the businesses the signed-in applicant owns or acts for. */
export class ListMyBusinessesV1 {}

export interface MyBusinessesV1 {
  /** At most 100: an applicant acts for a handful of businesses. */
  items: BusinessV1[];
}

export const ListMyBusinesses = defineRequest<ListMyBusinessesV1, MyBusinessesV1>({
  subject: 'identity.business.list.v1',
  service: 'identity',
  payload: ListMyBusinessesV1,
});
