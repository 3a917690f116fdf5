import { Injectable } from '@nestjs/common';
import { DomainError } from '@satupintu/common';
import {
  ApplicantProfileChanged,
  type AddressV1,
  type ApplicantLanguage,
  type VerificationChannel,
} from '@satupintu/contracts';
import { type Transaction, UnitOfWork } from '@satupintu/messaging';
import { type Executor, executorOf, joinSql, sql, uniqueViolation } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../credentials/passwords';
import type { NewVerificationCode } from '../notifications/verification-codes';
import { codeUsable } from '../notifications/verification-code';
import { type ApplicantRecord, applicantProfileEvent } from './applicant';

interface ApplicantRow {
  id: string;
  nik: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone: string | null;
  email: string | null;
  phoneVerifiedAt: Date | null;
  emailVerifiedAt: Date | null;
  address: AddressV1 | null;
  preferredLanguage: ApplicantLanguage;
  version: number;
}

const APPLICANT_COLUMNS = sql`id, nik, name, birth_date::text AS "birthDate", sex, phone, email,
  phone_verified_at AS "phoneVerifiedAt", email_verified_at AS "emailVerifiedAt", address,
  preferred_language AS "preferredLanguage", version`;

function toRecord(row: ApplicantRow): ApplicantRecord {
  return {
    id: row.id,
    nik: row.nik,
    name: row.name,
    birthDate: row.birthDate,
    sex: row.sex,
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.phoneVerifiedAt ? { phoneVerifiedAt: row.phoneVerifiedAt } : {}),
    ...(row.emailVerifiedAt ? { emailVerifiedAt: row.emailVerifiedAt } : {}),
    ...(row.address ? { address: row.address } : {}),
    preferredLanguage: row.preferredLanguage,
    version: row.version,
  };
}

function insertCodes(applicantId: string, codes: NewVerificationCode[]) {
  return sql`INSERT INTO verification_codes (id, applicant_id, channel, target, code_hash, expires_at)
    VALUES ${joinSql(
      codes.map(
        (code) =>
          sql`(${code.id}::uuid, ${applicantId}::uuid, ${code.channel}, ${code.target},
               ${code.codeHash}, ${code.expiresAt.toISOString()}::timestamptz)`,
      ),
    )}`;
}

/** A NIK, phone or e-mail of another account: one answer that names none of them. */
function accountTaken(error: unknown): boolean {
  const constraint = uniqueViolation(error);
  return constraint !== undefined && constraint.startsWith('applicants_');
}

/** Every query on `applicants` and `verification_codes`. */
@Injectable()
export class ApplicantsRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * The applicant, its codes and its first profile event together. A NIK, phone or e-mail of
   * another account is 409 `account_exists`, which names none of them (thrown, so a caller's
   * transaction is undone with it).
   */
  async add(
    applicant: ApplicantRecord,
    passwordHash: string,
    codes: NewVerificationCode[],
    within?: Transaction,
  ): Promise<void> {
    const work = async (tx: Transaction) => {
      await tx.execute(sql`
          INSERT INTO applicants (id, nik, name, birth_date, sex, phone, email, address,
                                  preferred_language, password_hash)
          VALUES (${applicant.id}, ${applicant.nik}, ${applicant.name}, ${applicant.birthDate},
                  ${applicant.sex}, ${applicant.phone ?? null}, ${applicant.email ?? null},
                  ${applicant.address ? JSON.stringify(applicant.address) : null}::jsonb,
                  ${applicant.preferredLanguage}, ${passwordHash})`);
      if (codes.length > 0) await tx.execute(insertCodes(applicant.id, codes));
      tx.publish(ApplicantProfileChanged, applicantProfileEvent(applicant, new Date()));
    };
    try {
      await (within ? work(within) : this.unitOfWork.run(work));
    } catch (error) {
      if (accountTaken(error)) throw new DomainError('account_exists', 409);
      throw error;
    }
  }

  async byId(id: string, db: Executor = this.db): Promise<ApplicantRecord | undefined> {
    const rows = await db.query<ApplicantRow>(
      sql`SELECT ${APPLICANT_COLUMNS} FROM applicants WHERE id = ${id}`,
    );
    return rows[0] && toRecord(rows[0]);
  }

  async idByNik(nik: string, db: Executor = this.db): Promise<string | undefined> {
    const rows = await db.query<{ id: string }>(sql`SELECT id FROM applicants WHERE nik = ${nik}`);
    return rows[0]?.id;
  }

  /**
   * Changes an applicant under a row lock: `decide` gets the current record and answers the next
   * one (or the same, unchanged). A change is written with its new codes and its profile event
   * in one transaction. A phone or e-mail of another account is 409 `account_exists`.
   */
  async change(
    id: string,
    decide: (current: ApplicantRecord) => Promise<{
      next: ApplicantRecord;
      changed: boolean;
      codes: NewVerificationCode[];
    }>,
  ): Promise<ApplicantRecord | undefined> {
    try {
      return await this.unitOfWork.run(async (tx) => {
        const [row] = await tx.query<ApplicantRow>(
          sql`SELECT ${APPLICANT_COLUMNS} FROM applicants WHERE id = ${id} FOR UPDATE`,
        );
        if (!row) return undefined;
        const { next, changed, codes } = await decide(toRecord(row));
        if (!changed) return next;
        await this.write(tx, next);
        if (codes.length > 0) await tx.execute(insertCodes(id, codes));
        tx.publish(ApplicantProfileChanged, applicantProfileEvent(next, new Date()));
        return next;
      });
    } catch (error) {
      if (accountTaken(error)) throw new DomainError('account_exists', 409);
      throw error;
    }
  }

  private async write(tx: Transaction, next: ApplicantRecord): Promise<void> {
    await tx.execute(sql`
      UPDATE applicants
         SET name = ${next.name}, phone = ${next.phone ?? null}, email = ${next.email ?? null},
             phone_verified_at = ${next.phoneVerifiedAt?.toISOString() ?? null}::timestamptz,
             email_verified_at = ${next.emailVerifiedAt?.toISOString() ?? null}::timestamptz,
             address = ${next.address ? JSON.stringify(next.address) : null}::jsonb,
             preferred_language = ${next.preferredLanguage},
             version = ${next.version}, updated_at = now()
       WHERE id = ${next.id}`);
  }

  /**
   * A new code for one of the applicant's contacts, under the applicant's row lock (so two
   * requests at once send one code): `decide` gets the applicant and when the last code for
   * this channel was sent, and answers the code to store, or throws.
   */
  async addCode(
    applicantId: string,
    channel: VerificationChannel,
    decide: (
      applicant: ApplicantRecord,
      lastSentAt: Date | undefined,
    ) => Promise<NewVerificationCode>,
  ): Promise<NewVerificationCode | undefined> {
    return this.unitOfWork.run(async (tx) => {
      const [row] = await tx.query<ApplicantRow>(
        sql`SELECT ${APPLICANT_COLUMNS} FROM applicants WHERE id = ${applicantId} FOR UPDATE`,
      );
      if (!row) return undefined;
      const [last] = await tx.query<{ sentAt: Date }>(sql`
        SELECT max(created_at) AS "sentAt" FROM verification_codes
         WHERE applicant_id = ${applicantId} AND channel = ${channel}`);
      const code = await decide(toRecord(row), last?.sentAt ?? undefined);
      await tx.execute(insertCodes(applicantId, [code]));
      return code;
    });
  }

  /**
   * Tries a one-time code: the latest code sent to the applicant's current contact on that
   * channel. A wrong code uses up a try (committed, whatever the answer); a right one marks the
   * contact verified. Answers when it was verified, or undefined when the code is refused.
   */
  async confirmCode(
    applicantId: string,
    channel: VerificationChannel,
    code: string,
    now = new Date(),
  ): Promise<Date | undefined> {
    return this.unitOfWork.run(async (tx) => {
      const column = channel === 'PHONE' ? sql`phone` : sql`email`;
      const [stored] = await tx.query<{
        id: string;
        codeHash: string;
        attempts: number;
        expiresAt: Date;
        usedAt: Date | null;
      }>(sql`
        SELECT c.id, c.code_hash AS "codeHash", c.attempts, c.expires_at AS "expiresAt",
               c.used_at AS "usedAt"
          FROM verification_codes c JOIN applicants a ON a.id = c.applicant_id
         WHERE c.applicant_id = ${applicantId} AND c.channel = ${channel}
           AND c.target = a.${column}
         ORDER BY c.created_at DESC LIMIT 1
           FOR UPDATE OF c`);
      if (!stored || !codeUsable(stored, now)) return undefined;
      if (!(await verifyPassword(stored.codeHash, code))) {
        await tx.execute(
          sql`UPDATE verification_codes SET attempts = attempts + 1 WHERE id = ${stored.id}`,
        );
        return undefined;
      }
      await tx.execute(
        sql`UPDATE verification_codes SET used_at = ${now.toISOString()} WHERE id = ${stored.id}`,
      );
      const verified = channel === 'PHONE' ? sql`phone_verified_at` : sql`email_verified_at`;
      await tx.execute(
        sql`UPDATE applicants SET ${verified} = ${now.toISOString()} WHERE id = ${applicantId}`,
      );
      return now;
    });
  }

  /**
   * The current profiles after `afterId`, in id order, each published again unchanged (same
   * version) so the PROFILE stream never lets a current one expire. Answers the last id done.
   * The rows are locked (FOR SHARE) so that a change in flight commits, and is queued in the
   * outbox, wholly before or wholly after: an older version never lands after a newer one.
   */
  async republish(tx: Transaction, afterId: string, limit: number): Promise<string | undefined> {
    const rows = await tx.query<ApplicantRow>(sql`
      SELECT ${APPLICANT_COLUMNS} FROM applicants WHERE id > ${afterId}::uuid
       ORDER BY id LIMIT ${limit}
         FOR SHARE`);
    const now = new Date();
    for (const row of rows)
      tx.publish(ApplicantProfileChanged, applicantProfileEvent(toRecord(row), now));
    return rows.length === limit ? rows[rows.length - 1]?.id : undefined;
  }
}
