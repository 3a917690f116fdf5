import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@satupintu/messaging';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { decideAttempt, type AttemptDecision, type FailureRecord } from './lockout';
import { refreshDecision, type StoredRefreshToken } from './refresh-decision';
import { REFRESH_TOKEN_TTL_SECONDS, hashRefreshToken, newRefreshToken } from './refresh-tokens';

export interface SessionSubject {
  kind: 'applicant' | 'officer';
  id: string;
}

export type RotationResult =
  | { outcome: 'rotated'; subject: SessionSubject; refreshToken: string }
  | { outcome: 'reused' | 'refused' };

/** `login_failures` and `refresh_tokens`: the state of sign-ins. */
@Injectable()
export class SessionsRepository {
  private readonly db: Executor;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    dataSource: DataSource,
  ) {
    this.db = executorOf(dataSource);
  }

  /**
   * Counts an attempt on this account before its password is checked, or refuses it while the
   * account is locked. The row is locked while deciding, so parallel attempts count one by one.
   */
  countAttempt(accountKey: string, now = new Date()): Promise<AttemptDecision> {
    return this.unitOfWork.run(async (tx) => {
      await tx.execute(sql`
        INSERT INTO login_failures (account_key, failures, first_failed_at)
        VALUES (${accountKey}, 0, ${now}) ON CONFLICT (account_key) DO NOTHING`);
      const [record] = await tx.query<FailureRecord>(sql`
        SELECT failures, first_failed_at AS "firstFailedAt", locked_until AS "lockedUntil"
          FROM login_failures WHERE account_key = ${accountKey} FOR UPDATE`);
      const decision = decideAttempt(record, now);
      if (decision.allowed) {
        const next = decision.record;
        await tx.execute(sql`
          UPDATE login_failures SET failures = ${next.failures},
                 first_failed_at = ${next.firstFailedAt}, locked_until = ${next.lockedUntil}
           WHERE account_key = ${accountKey}`);
      }
      return decision;
    });
  }

  /** A success: the account's count starts over. */
  async clearAttempts(accountKey: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM login_failures WHERE account_key = ${accountKey}`);
  }

  /** A refresh token of a new family (a sign-in). */
  async issue(subject: SessionSubject): Promise<string> {
    const { token, hash } = newRefreshToken();
    await this.db.execute(insertToken(subject, randomUUID(), hash));
    return token;
  }

  /**
   * Uses up a refresh token and issues its successor in the same family, if `check` still
   * accepts the person; presenting a used token revokes its family. One transaction, the row
   * locked: two requests with the same token cannot both rotate it.
   */
  rotate(
    token: string,
    check: (subject: SessionSubject) => Promise<boolean>,
    now = new Date(),
  ): Promise<RotationResult> {
    return this.unitOfWork.run(async (tx): Promise<RotationResult> => {
      const [row] = await tx.query<
        StoredRefreshToken & {
          tokenId: string;
          familyId: string;
          kind: SessionSubject['kind'];
          subjectId: string;
        }
      >(sql`
        SELECT id AS "tokenId", family_id AS "familyId", subject_kind AS kind,
               subject_id AS "subjectId",
               expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
          FROM refresh_tokens WHERE token_hash = ${hashRefreshToken(token)} FOR UPDATE`);
      switch (refreshDecision(row, now)) {
        case 'refuse':
          return { outcome: 'refused' };
        case 'reuse':
          await tx.execute(sql`
            UPDATE refresh_tokens SET revoked_at = now()
             WHERE family_id = ${row.familyId} AND revoked_at IS NULL`);
          return { outcome: 'reused' };
        case 'rotate':
          break;
      }
      const subject: SessionSubject = { kind: row.kind, id: row.subjectId };
      if (!(await check(subject))) {
        await tx.execute(sql`
          UPDATE refresh_tokens SET revoked_at = now()
           WHERE family_id = ${row.familyId} AND revoked_at IS NULL`);
        return { outcome: 'refused' };
      }
      await tx.execute(sql`UPDATE refresh_tokens SET used_at = now() WHERE id = ${row.tokenId}`);
      const next = newRefreshToken();
      await tx.execute(insertToken(subject, row.familyId, next.hash));
      return { outcome: 'rotated', subject, refreshToken: next.token };
    });
  }

  /** Whose refresh token this is, if it is one we issued. */
  async holderOf(token: string): Promise<SessionSubject | undefined> {
    const [row] = await this.db.query<SessionSubject>(sql`
      SELECT subject_kind AS kind, subject_id AS id
        FROM refresh_tokens WHERE token_hash = ${hashRefreshToken(token)}`);
    return row;
  }

  /** Every refresh token of the person; answers how many were not revoked before. */
  async revokeAll(subject: SessionSubject, executor: Executor = this.db): Promise<number> {
    const { count } = await executor.execute(sql`
      UPDATE refresh_tokens SET revoked_at = now()
       WHERE subject_kind = ${subject.kind} AND subject_id = ${subject.id}
         AND revoked_at IS NULL`);
    return count;
  }
}

function insertToken(subject: SessionSubject, familyId: string, hash: Buffer) {
  return sql`
    INSERT INTO refresh_tokens (id, family_id, subject_kind, subject_id, token_hash, expires_at)
    VALUES (${randomUUID()}, ${familyId}, ${subject.kind}, ${subject.id}, ${hash},
            now() + make_interval(secs => ${REFRESH_TOKEN_TTL_SECONDS}))`;
}
