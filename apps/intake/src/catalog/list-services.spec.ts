import { DomainError } from '@satupintu/common';
import type { ServiceStandardV1 } from '@satupintu/contracts';
import { DEMO_SERVICES } from '@satupintu/demo';
import { domainErrorOf } from '@satupintu/testing';
import { getService, listServices, searchPatterns, type ServicesQuery } from './list-services';

const STANDARDS: ServiceStandardV1[] = DEMO_SERVICES.map((service) => ({ ...service, version: 1 }));

function fakeCatalog() {
  const queries: ServicesQuery[] = [];
  return {
    queries,
    listServices: (query: ServicesQuery) => {
      queries.push(query);
      const sorted = [...STANDARDS].sort((a, b) => a.code.localeCompare(b.code));
      return Promise.resolve(
        sorted.filter((s) => !query.after || s.code > query.after).slice(0, query.limit),
      );
    },
    findStandard: (code: string) => Promise.resolve(STANDARDS.find((s) => s.code === code)),
  };
}

describe('searchPatterns', () => {
  it('makes one lower-case pattern per distinct word', () => {
    expect(searchPatterns('  Akta  LAHIR akta ')).toEqual(['%akta%', '%lahir%']);
  });

  it('takes LIKE wildcards literally', () => {
    expect(searchPatterns('100% a_b c\\d')).toEqual(['%100\\%%', '%a\\_b%', '%c\\\\d%']);
  });

  it('keeps at most ten words', () => {
    expect(searchPatterns('a b c d e f g h i j k l')).toHaveLength(10);
    expect(searchPatterns(undefined)).toEqual([]);
  });
});

describe('listServices', () => {
  it('pages through the catalog by code, without repeating a service', async () => {
    const catalog = fakeCatalog();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listServices({ limit: 4, ...(cursor ? { cursor } : {}) }, catalog);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(STANDARDS.map((s) => s.code).sort());
  });

  it('passes the filters on, and shows a summary of each service', async () => {
    const catalog = fakeCatalog();
    const page = await listServices(
      { limit: 1, q: 'Akta', agency: 'DUKCAPIL', category: 'BIRTH' },
      catalog,
    );
    expect(catalog.queries[0]).toEqual({
      agency: 'DUKCAPIL',
      category: 'BIRTH',
      patterns: ['%akta%'],
      limit: 2,
    });
    expect(Object.keys(page.items[0]).sort()).toEqual([
      'agencyCode',
      'categories',
      'channels',
      'code',
      'description',
      'fee',
      'names',
      'timeLimit',
      'version',
    ]);
  });

  it('refuses a cursor it did not make', async () => {
    const error = await domainErrorOf(listServices({ limit: 5, cursor: 'bm9wZQ' }, fakeCatalog()));
    expect([error.code, error.status]).toEqual(['invalid_cursor', 400]);
  });
});

describe('getService', () => {
  it('answers the whole standard, and 404 for a code not in the catalog', async () => {
    expect(await getService('PUPR-PBG', fakeCatalog())).toMatchObject({ code: 'PUPR-PBG' });
    const error = await getService('PUPR-XX', fakeCatalog()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'service_not_found', status: 404 });
  });
});
