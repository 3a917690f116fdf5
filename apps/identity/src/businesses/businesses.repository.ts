import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import {
  BusinessProfileChanged,
  type AddressV1,
  type BusinessMemberV1,
  type OssBusinessUpsertedV1,
  type UpsertBusinessFromOssV1,
} from '@satupintu/contracts';
import { type Transaction, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, joinSql, sql, uniqueViolation } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type BusinessRecord,
  businessFromOss,
  businessProfileEvent,
  changeBusinessFromOss,
} from './business';

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
      await BusinessesRepository.addMembers(tx, business.id, business.members);
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

  /** The members as given: a new one is added, one whose role changed (OSS's owner) updated. */
  private static async addMembers(
    tx: Executor,
    businessId: string,
    members: BusinessMemberV1[],
  ): Promise<void> {
    if (members.length === 0) return;
    await tx.execute(sql`
      INSERT INTO business_members (business_id, applicant_id, role)
      VALUES ${joinSql(members.map((m) => sql`(${businessId}::uuid, ${m.applicantId}::uuid, ${m.role})`))}
      ON CONFLICT (business_id, applicant_id) DO UPDATE SET role = EXCLUDED.role
       WHERE business_members.role <> EXCLUDED.role`);
  }

  private static async write(tx: Transaction, next: BusinessRecord): Promise<void> {
    await tx.execute(sql`
      UPDATE businesses
         SET name = ${next.name}, kbli = ${next.kbli}::text[],
             address = ${JSON.stringify(next.address)}::jsonb, npwp = ${next.npwp ?? null},
             version = ${next.version}, updated_at = now()
       WHERE id = ${next.id}`);
    await BusinessesRepository.addMembers(tx, next.id, next.members);
    tx.publish(BusinessProfileChanged, businessProfileEvent(next, new Date()));
  }

  /**
   * The business OSS describes, created or brought up to date by its NIB in one transaction
   * (`ownerIdOf` finds the owner's account, if any, in it). A NIB seen for the first time is
   * inserted with `ON CONFLICT DO NOTHING` and then locked like any other, so two calls at once
   * create one business. The owner without an account is kept as the pending owner
   * (`business_pending_owners`), their name as OSS last gave it.
   */
  async upsertFromOss(
    input: UpsertBusinessFromOssV1,
    ownerIdOf: (tx: Executor, nik: string) => Promise<string | undefined>,
  ): Promise<OssBusinessUpsertedV1> {
    return this.unitOfWork.run(async (tx) => {
      const fresh = businessFromOss(input, randomUUID());
      const inserted = await tx.query<{ id: string }>(sql`
        INSERT INTO businesses (id, nib, name, kbli, address, npwp)
        VALUES (${fresh.id}, ${fresh.nib}, ${fresh.name}, ${fresh.kbli}::text[],
                ${JSON.stringify(fresh.address)}::jsonb, ${fresh.npwp ?? null})
        ON CONFLICT (nib) DO NOTHING
        RETURNING id`);
      const created = inserted.length === 1;
      const [row] = await tx.query<BusinessRow>(
        sql`SELECT ${BUSINESS_COLUMNS} FROM businesses b WHERE b.nib = ${input.nib} FOR UPDATE OF b`,
      );
      if (!row) throw new Error(`business ${input.nib} neither inserted nor found`);
      const current = toRecord(row);
      const ownerId = await ownerIdOf(tx, input.owner.nik);
      const { next, changed } = changeBusinessFromOss(current, input, ownerId);
      if (changed) await BusinessesRepository.write(tx, next);
      else if (created) tx.publish(BusinessProfileChanged, businessProfileEvent(next, new Date()));
      if (ownerId)
        await tx.execute(sql`
          DELETE FROM business_pending_owners
           WHERE business_id = ${next.id} AND nik = ${input.owner.nik}`);
      else
        await tx.execute(sql`
          INSERT INTO business_pending_owners (business_id, nik, name)
          VALUES (${next.id}, ${input.owner.nik}, ${input.owner.name})
          ON CONFLICT (business_id, nik) DO UPDATE SET name = EXCLUDED.name
           WHERE business_pending_owners.name <> EXCLUDED.name`);
      return {
        businessId: next.id,
        version: next.version,
        created,
        changed,
        ...(ownerId ? { ownerId } : {}),
      };
    });
  }

  /**
   * A newly registered applicant becomes the OWNER of every business OSS named them the owner
   * of (by NIK), in their registration's transaction: each such business gets a new version.
   */
  static async adoptPendingOwnership(
    tx: Transaction,
    nik: string,
    applicantId: string,
  ): Promise<void> {
    const pending = await tx.query<{ businessId: string }>(sql`
      DELETE FROM business_pending_owners WHERE nik = ${nik}
      RETURNING business_id AS "businessId"`);
    for (const { businessId } of pending) {
      const [row] = await tx.query<BusinessRow>(
        sql`SELECT ${BUSINESS_COLUMNS} FROM businesses b WHERE b.id = ${businessId} FOR UPDATE OF b`,
      );
      if (!row) continue;
      const current = toRecord(row);
      const members = current.members.filter((member) => member.applicantId !== applicantId);
      await BusinessesRepository.write(tx, {
        ...current,
        members: [...members, { applicantId, role: 'OWNER' }],
        version: current.version + 1,
      });
    }
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
      await BusinessesRepository.write(tx, next);
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
