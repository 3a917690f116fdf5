import { Injectable } from '@nestjs/common';
import type {
  AgencyChangedV1,
  Channel,
  ServiceStandardPublishedV1,
  ServiceStandardV1,
} from '@satupintu/contracts';
import type { DemoAgency, DemoService } from '@satupintu/demo';
import type { FormFieldRule } from '@satupintu/domain';
import type { DocumentRequirementRule } from '../documents/document-access';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { ServicesQuery } from './list-services';

export interface CatalogService {
  code: string;
  name: string;
  agencyCode: string;
  agencyTimeZone: string;
  /** The standard's form fields and channels; null while the service has no standard. */
  fields: FormFieldRule[] | null;
  channels: Channel[] | null;
  /** The standard's document requirements; null while the service has no standard. */
  documents: DocumentRequirementRule[] | null;
}

// Every submission looks its service up; the catalog changes rarely, so answers are kept this
// long. A service withdrawn from the catalog is still accepted for at most this long.
const CACHE_MS = 30_000;

/** Lower case, for `search_text`: what a text search looks in. */
export function searchTextOf(standard: Omit<ServiceStandardV1, 'version'>): string {
  return [
    standard.code,
    standard.names.id,
    standard.names.en,
    standard.description.id,
    standard.description.en,
  ]
    .join('\n')
    .toLowerCase();
}

/** Every query on the catalog's `agencies` and `services` tables. */
@Injectable()
export class CatalogRepository {
  private readonly cache = new Map<
    string,
    { service: CatalogService | undefined; until: number }
  >();
  private readonly db: Executor;

  constructor(private readonly dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async findActiveService(code: string): Promise<CatalogService | undefined> {
    const cached = this.cache.get(code);
    if (cached && cached.until > Date.now()) return cached.service;
    const service = await this.queryActiveService(code);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(code, { service, until: Date.now() + CACHE_MS });
    return service;
  }

  private async queryActiveService(code: string): Promise<CatalogService | undefined> {
    const rows = await this.db.query<CatalogService>(sql`
      SELECT s.code, s.name, s.agency_code AS "agencyCode", a.time_zone AS "agencyTimeZone",
             s.standard -> 'requirements' -> 'fields' AS fields, s.standard -> 'channels' AS channels,
             s.standard -> 'requirements' -> 'documents' AS documents
        FROM services s JOIN agencies a ON a.code = s.agency_code
       WHERE s.code = ${code} AND s.active AND a.active`);
    return rows[0];
  }

  /** A page of the published, active services of active agencies, by code. */
  listServices(query: ServicesQuery): Promise<ServiceStandardV1[]> {
    return this.db
      .query<ServiceStandardV1>(
        sql`
      SELECT s.standard || jsonb_build_object('code', s.code, 'agencyCode', s.agency_code,
               'version', s.version) AS standard
        FROM services s JOIN agencies a ON a.code = s.agency_code
       WHERE s.active AND a.active AND s.standard IS NOT NULL
         AND (${query.agency ?? null}::text IS NULL OR s.agency_code = ${query.agency ?? null})
         AND (${query.category ?? null}::text IS NULL OR ${query.category ?? null} = ANY (s.categories))
         AND NOT EXISTS (SELECT 1 FROM unnest(${query.patterns}::text[]) AS p (pattern)
                          WHERE s.search_text NOT LIKE p.pattern)
         AND (${query.after ?? null}::text IS NULL OR s.code > ${query.after ?? null})
       ORDER BY s.code
       LIMIT ${query.limit}`,
      )
      .then((rows) =>
        rows.map((row) => (row as unknown as { standard: ServiceStandardV1 }).standard),
      );
  }

  /** One published service, if it is active and so is its agency. */
  async findStandard(code: string): Promise<ServiceStandardV1 | undefined> {
    const rows = await this.db.query<{ standard: ServiceStandardV1 }>(sql`
      SELECT s.standard || jsonb_build_object('code', s.code, 'agencyCode', s.agency_code,
               'version', s.version) AS standard
        FROM services s JOIN agencies a ON a.code = s.agency_code
       WHERE s.code = ${code} AND s.active AND a.active AND s.standard IS NOT NULL`);
    return rows[0]?.standard;
  }

  /**
   * Follows identity's record of an agency: applied only if newer than what the catalog holds
   * (events may come again, or out of order after a replay). Answers whether it changed anything.
   */
  async followAgency(tx: Executor, agency: AgencyChangedV1): Promise<boolean> {
    const { count } = await tx.execute(sql`
      INSERT INTO agencies (code, name, time_zone, active, version)
      VALUES (${agency.code}, ${agency.name}, ${agency.timeZone}, ${agency.active}, ${agency.version})
      ON CONFLICT (code) DO UPDATE
         SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, active = EXCLUDED.active,
             version = EXCLUDED.version
       WHERE agencies.version < EXCLUDED.version`);
    if (count > 0) this.cache.clear();
    return count > 0;
  }

  /**
   * Follows an agency's standard of one of its services: applied only if newer than what the
   * catalog holds, and never over another agency's service of the same code. An agency identity
   * has not announced yet gets a placeholder (version 0) that identity's record replaces.
   */
  async followStandard(tx: Executor, event: ServiceStandardPublishedV1): Promise<boolean> {
    const { publishedAt: _at, ...standard } = event;
    await tx.execute(sql`
      INSERT INTO agencies (code, name) VALUES (${standard.agencyCode}, ${standard.agencyCode})
      ON CONFLICT (code) DO NOTHING`);
    const changed = (await this.writeService(tx, standard)) > 0;
    if (changed) this.cache.clear();
    return changed;
  }

  private async writeService(
    tx: Executor,
    standard: Omit<ServiceStandardV1, 'version'> & { version: number },
  ): Promise<number> {
    const { code, agencyCode, version, ...content } = standard;
    const { count } = await tx.execute(sql`
      INSERT INTO services (code, name, agency_code, active, standard, version, categories,
        search_text)
      VALUES (${code}, ${content.names.id}, ${agencyCode}, ${content.active},
        ${JSON.stringify(content)}::jsonb, ${version}, ${content.categories}::text[],
        ${searchTextOf(standard)})
      ON CONFLICT (code) DO UPDATE
         SET name = EXCLUDED.name, active = EXCLUDED.active, standard = EXCLUDED.standard,
             version = EXCLUDED.version, categories = EXCLUDED.categories,
             search_text = EXCLUDED.search_text
       WHERE services.version < EXCLUDED.version AND services.agency_code = EXCLUDED.agency_code`);
    return count;
  }

  /**
   * Adds the demo agencies and services it does not hold, leaving existing ones as they are: the
   * services with their standards as version 0, so each agency's own first publication replaces
   * them. Answers how many services it added.
   */
  async addAll(agencies: DemoAgency[], services: DemoService[]): Promise<number> {
    this.cache.clear();
    return this.dataSource.transaction(async (manager) => {
      const tx = executorOf(manager);
      for (const agency of agencies) {
        await tx.execute(sql`
          INSERT INTO agencies (code, name, time_zone)
          VALUES (${agency.code}, ${agency.name}, ${agency.timeZone})
          ON CONFLICT (code) DO NOTHING`);
      }
      let added = 0;
      for (const service of services)
        added += await this.writeService(tx, { ...service, version: 0 });
      return added;
    });
  }
}
