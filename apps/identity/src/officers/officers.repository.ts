import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import type { OfficerV1, Role } from '@satupintu/contracts';
import { UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, sql, uniqueViolation } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

interface OfficerRow {
  officerId: string;
  username: string;
  name: string;
  agencyCode: string | null;
  roles: Role[];
  active: boolean;
  version: number;
}

const OFFICER_COLUMNS = sql`id AS "officerId", username, name, agency_code AS "agencyCode", roles,
  active, version`;

function toOfficer(row: OfficerRow): OfficerV1 {
  const { agencyCode, ...rest } = row;
  return { ...rest, ...(agencyCode ? { agencyCode } : {}) };
}

/** Every query on `officers`. Their password hashes are written here and never read back. */
@Injectable()
export class OfficersRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  async add(officer: OfficerV1, passwordHash: string, db: Executor = this.db): Promise<void> {
    try {
      await db.execute(sql`
        INSERT INTO officers (id, username, name, agency_code, roles, password_hash, active)
        VALUES (${officer.officerId}, ${officer.username}, ${officer.name},
                ${officer.agencyCode ?? null}, ${officer.roles}::text[], ${passwordHash},
                ${officer.active})`);
    } catch (error) {
      if (uniqueViolation(error) === 'officers_username_key')
        throw new DomainError('username_taken', 409, [], { username: officer.username });
      throw error;
    }
  }

  async byId(id: string): Promise<OfficerV1 | undefined> {
    const rows = await this.db.query<OfficerRow>(
      sql`SELECT ${OFFICER_COLUMNS} FROM officers WHERE id = ${id}`,
    );
    return rows[0] && toOfficer(rows[0]);
  }

  /**
   * Changes an officer under a row lock: `decide` answers the next record from the current one
   * (undefined when there is none), or throws.
   */
  change(
    id: string,
    decide: (current: OfficerV1 | undefined) => { next: OfficerV1; changed: boolean },
  ): Promise<OfficerV1> {
    return this.unitOfWork.run(async (tx) => {
      const [row] = await tx.query<OfficerRow>(
        sql`SELECT ${OFFICER_COLUMNS} FROM officers WHERE id = ${id} FOR UPDATE`,
      );
      const { next, changed } = decide(row && toOfficer(row));
      if (!changed) return next;
      await tx.execute(sql`
        UPDATE officers SET name = ${next.name}, roles = ${next.roles}::text[],
               active = ${next.active}, version = ${next.version}, updated_at = now()
         WHERE id = ${id}`);
      return next;
    });
  }

  /** By username, after `afterUsername`; one agency's when `agency` is given. */
  async list(
    agency: string | undefined,
    afterUsername: string | undefined,
    limit: number,
  ): Promise<OfficerV1[]> {
    const rows = await this.db.query<OfficerRow>(sql`
      SELECT ${OFFICER_COLUMNS} FROM officers
       WHERE ${agency ? sql`agency_code = ${agency}` : sql`true`}
         AND ${afterUsername ? sql`username > ${afterUsername}` : sql`true`}
       ORDER BY username LIMIT ${limit}`);
    return rows.map(toOfficer);
  }
}
