import { DomainError } from '@satupintu/common';
import type { BundlesPageV1, BundleV1, ListBundlesV1 } from '@satupintu/contracts';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';

/** The mall's bundles by code, a page at a time: public, like the catalog. */
export async function listBundles(
  request: ListBundlesV1,
  list: (after: string | undefined, limit: number) => Promise<BundleV1[]>,
): Promise<BundlesPageV1> {
  let after: string | undefined;
  if (request.cursor) {
    const key = decodeCursor<[string]>(request.cursor, ['string']);
    if (!key) throw new DomainError('invalid_cursor', 400);
    after = key[0];
  }
  const rows = await list(after, request.limit + 1);
  const items = rows.slice(0, request.limit);
  const last = items[items.length - 1];
  return {
    items,
    ...(rows.length > request.limit && last ? { nextCursor: encodeCursor([last.code]) } : {}),
  };
}
