import { Injectable } from '@nestjs/common';
import type { AgencyChangedV1 } from '@satupintu/contracts';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import type { DemoAgency, DemoService } from './demo-catalog';

export interface CatalogService {
  code: string;
  name: string;
  agencyCode: string;
  agencyTimeZone: string;
}

// Every submission looks its service up; the catalog changes rarely, so answers are kept this
// long. A service withdrawn from the catalog is still accepted for at most this long.
const CACHE_MS = 30_000;

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
      SELECT s.code, s.name, s.agency_code AS "agencyCode", a.time_zone AS "agencyTimeZone"
        FROM services s JOIN agencies a ON a.code = s.agency_code
       WHERE s.code = ${code} AND s.active AND a.active`);
    return rows[0];
  }

  async isEmpty(): Promise<boolean> {
    // Services, not agencies: those may already have come from identity.
    const rows = await this.db.query(sql`SELECT 1 FROM services LIMIT 1`);
    return rows.length === 0;
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

  /** Adds agencies and services, leaving existing ones as they are. */
  async addAll(agencies: DemoAgency[], services: DemoService[]): Promise<void> {
    this.cache.clear();
    await this.dataSource.transaction(async (manager) => {
      const tx = executorOf(manager);
      for (const agency of agencies) {
        await tx.execute(sql`
          INSERT INTO agencies (code, name, time_zone)
          VALUES (${agency.code}, ${agency.name}, ${agency.timeZone})
          ON CONFLICT (code) DO NOTHING`);
      }
      for (const service of services) {
        await tx.execute(sql`
          INSERT INTO services (code, name, agency_code)
          VALUES (${service.code}, ${service.name}, ${service.agencyCode})
          ON CONFLICT (code) DO NOTHING`);
      }
    });
  }
}
