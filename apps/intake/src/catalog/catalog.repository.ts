import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DemoAgency, DemoService } from './demo-catalog';

export interface CatalogService {
  code: string;
  name: string;
  agencyCode: string;
}

@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findActiveService(code: string): Promise<CatalogService | undefined> {
    const rows = await this.dataSource.query<CatalogService[]>(
      'SELECT code, name, agency_code AS "agencyCode" FROM services WHERE code = $1 AND active',
      [code],
    );
    return rows[0];
  }

  async isEmpty(): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM agencies LIMIT 1');
    return rows.length === 0;
  }

  /** Adds agencies and services, leaving existing ones as they are. */
  async addAll(agencies: DemoAgency[], services: DemoService[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const agency of agencies) {
        await manager.query(
          'INSERT INTO agencies (code, name, time_zone) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
          [agency.code, agency.name, agency.timeZone],
        );
      }
      for (const service of services) {
        await manager.query(
          'INSERT INTO services (code, name, agency_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
          [service.code, service.name, service.agencyCode],
        );
      }
    });
  }
}
