import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import { AgencyChanged, type AgencyV1 } from '@satupintu/contracts';
import { type Transaction, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, sql, uniqueViolation } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { agencyChangedEvent } from './agency';

const AGENCY_COLUMNS = sql`code, name, time_zone AS "timeZone", active, version`;

/** Every query on `agencies`; each change is published (AgencyChanged) in its transaction. */
@Injectable()
export class AgenciesRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  list(): Promise<AgencyV1[]> {
    return this.db.query<AgencyV1>(
      sql`SELECT ${AGENCY_COLUMNS} FROM agencies ORDER BY code LIMIT 500`,
    );
  }

  async exists(code: string, db: Executor = this.db): Promise<boolean> {
    return (await db.query(sql`SELECT 1 FROM agencies WHERE code = ${code}`)).length > 0;
  }

  /** For an officer or client to belong to: an agency that does not exist is a 422 on the field. */
  async requireKnown(agencyCode: string | undefined): Promise<void> {
    if (agencyCode && !(await this.exists(agencyCode)))
      throw DomainError.validation(
        [{ field: 'agencyCode', code: 'unknown_agency', params: { agencyCode } }],
        422,
      );
  }

  async add(agency: AgencyV1, tx?: Transaction): Promise<void> {
    const insert = async (t: Transaction) => {
      await t.execute(sql`
        INSERT INTO agencies (code, name, time_zone, active, version)
        VALUES (${agency.code}, ${agency.name}, ${agency.timeZone}, ${agency.active}, ${agency.version})`);
      t.publish(AgencyChanged, agencyChangedEvent(agency, new Date()));
    };
    try {
      await (tx ? insert(tx) : this.unitOfWork.run(insert));
    } catch (error) {
      if (uniqueViolation(error) === 'agencies_pkey')
        throw new DomainError('agency_exists', 409, [], { code: agency.code });
      throw error;
    }
  }

  /** Changes an agency under a row lock; 404 if there is none with this code. */
  change(
    code: string,
    decide: (current: AgencyV1) => { next: AgencyV1; changed: boolean },
  ): Promise<AgencyV1> {
    return this.unitOfWork.run(async (tx) => {
      const [current] = await tx.query<AgencyV1>(
        sql`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE code = ${code} FOR UPDATE`,
      );
      if (!current) throw new DomainError('agency_not_found', 404, [], { code });
      const { next, changed } = decide(current);
      if (!changed) return current;
      await tx.execute(sql`
        UPDATE agencies SET name = ${next.name}, time_zone = ${next.timeZone},
               active = ${next.active}, version = ${next.version}, updated_at = now()
         WHERE code = ${code}`);
      tx.publish(AgencyChanged, agencyChangedEvent(next, new Date()));
      return next;
    });
  }
}
