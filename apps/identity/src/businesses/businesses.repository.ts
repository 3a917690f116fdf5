import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import {
  BusinessProfileChanged,
  type AddressV1,
  type BusinessMemberV1,
} from '@satupintu/contracts';
import { type Transaction, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, joinSql, sql, uniqueViolation } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { type BusinessRecord, businessProfileEvent } from './business';

interface BusinessRow {
  id: string;
  nib: string;
  name: string;
  kbli: string[];
  address: AddressV1;
  npwp: string | null;
  members: BusinessMemberV1[];
  version: number;
}

const BUSINESS_COLUMNS = sql`b.id, b.nib, b.name, b.kbli, b.address, b.npwp, b.version,
  (SELECT coalesce(json_agg(json_build_object('applicantId', m.applicant_id, 'role', m.role)
                            ORDER BY m.added_at, m.applicant_id), '[]')
     FROM business_members m WHERE m.business_id = b.id) AS members`;

function toRecord(row: BusinessRow): BusinessRecord {
  return {
    id: row.id,
    nib: row.nib,
    name: row.name,
    kbli: row.kbli,
    address: row.address,
    ...(row.npwp ? { npwp: row.npwp } : {}),
    members: row.members,
    version: row.version,
  };
}

/** Every query on `businesses` and `business_members`. */
@Injectable()
export class BusinessesRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /** A new business, its members and its profile event together; 409 if the NIB is taken. */
  async add(business: BusinessRecord, within?: Transaction): Promise<void> {
    const work = async (tx: Transaction) => {
      await tx.execute(sql`
          INSERT INTO businesses (id, nib, name, kbli, address, npwp)
          VALUES (${business.id}, ${business.nib}, ${business.name}, ${business.kbli}::text[],
                  ${JSON.stringify(business.address)}::jsonb, ${business.npwp ?? null})`);
      await this.addMembers(tx, business.id, business.members);
      tx.publish(BusinessProfileChanged, businessProfileEvent(business, new Date()));
    };
    try {
      await (within ? work(within) : this.unitOfWork.run(work));
    } catch (error) {
      if (uniqueViolation(error) === 'businesses_nib_key')
        throw new DomainError('business_exists', 409);
      throw error;
    }
  }

  private async addMembers(tx: Transaction, businessId: string, members: BusinessMemberV1[]) {
    if (members.length === 0) return;
    await tx.execute(sql`
      INSERT INTO business_members (business_id, applicant_id, role)
      VALUES ${joinSql(members.map((m) => sql`(${businessId}::uuid, ${m.applicantId}::uuid, ${m.role})`))}
      ON CONFLICT (business_id, applicant_id) DO NOTHING`);
  }

  /** The businesses an applicant owns or acts for (at most 100). */
  async ofMember(applicantId: string): Promise<BusinessRecord[]> {
    const rows = await this.db.query<BusinessRow>(sql`
      SELECT ${BUSINESS_COLUMNS} FROM businesses b
       WHERE b.id IN (SELECT business_id FROM business_members WHERE applicant_id = ${applicantId})
       ORDER BY b.name, b.id LIMIT 100`);
    return rows.map(toRecord);
  }

  /**
   * Changes a business under a row lock: `decide` answers the next record from the current one
   * (or undefined: not there). A change is written, members too, with its profile event; in the
   * caller's transaction when one is given (an idempotency key's completion).
   */
  async change(
    id: string,
    decide: (
      current: BusinessRecord | undefined,
    ) =>
      | Promise<{ next: BusinessRecord; changed: boolean }>
      | { next: BusinessRecord; changed: boolean },
    within?: Transaction,
  ): Promise<BusinessRecord> {
    const work = async (tx: Transaction) => {
      const [row] = await tx.query<BusinessRow>(
        sql`SELECT ${BUSINESS_COLUMNS} FROM businesses b WHERE b.id = ${id} FOR UPDATE OF b`,
      );
      const { next, changed } = await decide(row && toRecord(row));
      if (!changed) return next;
      await tx.execute(sql`
        UPDATE businesses
           SET name = ${next.name}, kbli = ${next.kbli}::text[],
               address = ${JSON.stringify(next.address)}::jsonb, npwp = ${next.npwp ?? null},
               version = ${next.version}, updated_at = now()
         WHERE id = ${id}`);
      await this.addMembers(tx, id, next.members);
      tx.publish(BusinessProfileChanged, businessProfileEvent(next, new Date()));
      return next;
    };
    return within ? work(within) : this.unitOfWork.run(work);
  }

  /** As `ApplicantsRepository.republish`, for businesses. */
  async republish(tx: Transaction, afterId: string, limit: number): Promise<string | undefined> {
    const rows = await tx.query<BusinessRow>(sql`
      SELECT ${BUSINESS_COLUMNS} FROM businesses b WHERE b.id > ${afterId}::uuid
       ORDER BY b.id LIMIT ${limit}
         FOR SHARE OF b`);
    const now = new Date();
    for (const row of rows)
      tx.publish(BusinessProfileChanged, businessProfileEvent(toRecord(row), now));
    return rows.length === limit ? rows[rows.length - 1]?.id : undefined;
  }
}
