import { PageLimitV1, PageCursorV1 } from '../paging';
import { defineRequest } from '../contract';
import type { BundleV1 } from './define-bundle.v1';

/** The mall's bundles, by code, a page at a time, for anyone. */
export class ListBundlesV1 {
  @PageLimitV1()
  limit: number;

  /** Opaque: the `nextCursor` of the previous page. */
  @PageCursorV1()
  cursor?: string;
}

export interface BundlesPageV1 {
  items: BundleV1[];
  nextCursor?: string;
}

export const ListBundles = defineRequest<ListBundlesV1, BundlesPageV1>({
  subject: 'intake.bundle.list.v1',
  service: 'intake',
  payload: ListBundlesV1,
});
