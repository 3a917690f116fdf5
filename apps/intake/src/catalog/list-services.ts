import { DomainError } from '@satupintu/common';
import {
  serviceSummaryOf,
  type ListServicesV1,
  type ServiceCategory,
  type ServiceStandardV1,
  type ServicesPageV1,
} from '@satupintu/contracts';
import { decodeCursor, encodeCursor } from '@satupintu/persistence';

export interface ServicesQuery {
  agency?: string;
  category?: ServiceCategory;
  /** LIKE patterns, lower case, one per word of the search: each must match. */
  patterns: string[];
  /** Strictly after this service code. */
  after?: string;
  limit: number;
}

export interface CatalogPorts {
  listServices(query: ServicesQuery): Promise<ServiceStandardV1[]>;
  findStandard(code: string): Promise<ServiceStandardV1 | undefined>;
}

/** More words than this add nothing a person types; the rest are ignored. */
const MAX_SEARCH_WORDS = 10;

/** Each word of a search as a LIKE pattern, its wildcards taken literally. */
export function searchPatterns(q: string | undefined): string[] {
  if (!q) return [];
  return [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))]
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
}

/**
 * The mall's catalog, public: the published services of active agencies, by code, a page at a
 * time, narrowed by the words of `q` (each found in the code, names or descriptions, in either
 * language, ignoring case), an agency and a category.
 */
export async function listServices(
  request: ListServicesV1,
  ports: CatalogPorts,
): Promise<ServicesPageV1> {
  let after: string | undefined;
  if (request.cursor) {
    const key = decodeCursor<[string]>(request.cursor, ['string']);
    if (!key) throw new DomainError('invalid_cursor', 400);
    after = key[0];
  }
  const rows = await ports.listServices({
    ...(request.agency ? { agency: request.agency } : {}),
    ...(request.category ? { category: request.category } : {}),
    patterns: searchPatterns(request.q),
    ...(after ? { after } : {}),
    limit: request.limit + 1,
  });
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(serviceSummaryOf),
    ...(rows.length > request.limit && last ? { nextCursor: encodeCursor([last.code]) } : {}),
  };
}

/** One service with its whole standard; one not in the catalog (or withdrawn) is a 404. */
export async function getService(code: string, ports: CatalogPorts): Promise<ServiceStandardV1> {
  const standard = await ports.findStandard(code);
  if (!standard) throw new DomainError('service_not_found', 404, [], { code: code.slice(0, 64) });
  return standard;
}
