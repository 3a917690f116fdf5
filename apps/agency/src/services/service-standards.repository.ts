import { Inject, Injectable } from '@nestjs/common';
import {
  ServiceStandardPublished,
  type ServiceStandardContentV1,
  type ServiceStandardV1,
} from '@satupintu/contracts';
import { type Transaction, UnitOfWork } from '@satupintu/messaging';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { AGENCY_CODE } from '../cases/agency-code';

/** Every query on this agency's `service_standards` table. */
@Injectable()
export class ServiceStandardsRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(AGENCY_CODE) private readonly agencyCode: string,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * The next version of the service's standard and its event, in one transaction: concurrent
   * publications of one service are serialized by the row, so versions never repeat.
   */
  publish(code: string, content: ServiceStandardContentV1): Promise<ServiceStandardV1> {
    return this.unitOfWork.run(async (tx) => {
      const publishedAt = new Date().toISOString();
      const [row] = await tx.query<{ version: number }>(sql`
        INSERT INTO service_standards (code, version, standard, published_at)
        VALUES (${code}, 1, ${JSON.stringify(content)}::jsonb, ${publishedAt})
        ON CONFLICT (code) DO UPDATE
           SET version = service_standards.version + 1, standard = EXCLUDED.standard,
               published_at = EXCLUDED.published_at
        RETURNING version`);
      return this.announce(tx, code, content, row.version, publishedAt);
    });
  }

  /**
   * Version 1 of the service's standard and its event, unless the service has one: replicas
   * seeding at the same start each publish a service once between them, never a version 2.
   * Answers whether this call published it.
   */
  seed(code: string, content: ServiceStandardContentV1): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      const publishedAt = new Date().toISOString();
      const inserted = await tx.query(sql`
        INSERT INTO service_standards (code, version, standard, published_at)
        VALUES (${code}, 1, ${JSON.stringify(content)}::jsonb, ${publishedAt})
        ON CONFLICT (code) DO NOTHING
        RETURNING 1`);
      if (inserted.length > 0) this.announce(tx, code, content, 1, publishedAt);
      return inserted.length > 0;
    });
  }

  private announce(
    tx: Transaction,
    code: string,
    content: ServiceStandardContentV1,
    version: number,
    publishedAt: string,
  ): ServiceStandardV1 {
    const standard: ServiceStandardV1 = { ...content, code, agencyCode: this.agencyCode, version };
    tx.publish(ServiceStandardPublished, { ...standard, publishedAt });
    return standard;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.query(sql`SELECT 1 FROM service_standards LIMIT 1`)).length === 0;
  }
}
