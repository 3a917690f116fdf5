import { Injectable } from '@nestjs/common';
import type { ApplicantLanguage } from '@satupintu/contracts';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';
import { contactsOf, type Contacts } from './case-update';

/** An applicant's current contacts and language. */
@Injectable()
export class ReporterContacts {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  async of(
    applicantId: string,
  ): Promise<{ contacts: Contacts; language: ApplicantLanguage } | undefined> {
    const [row] = await this.db.query<{
      phone: string | null;
      email: string | null;
      phoneVerifiedAt: Date | null;
      emailVerifiedAt: Date | null;
      language: ApplicantLanguage;
    }>(sql`
      SELECT phone, email, phone_verified_at AS "phoneVerifiedAt",
             email_verified_at AS "emailVerifiedAt", preferred_language AS language
        FROM applicants WHERE id = ${applicantId}`);
    if (!row) return undefined;
    return {
      language: row.language,
      contacts: contactsOf(row),
    };
  }
}
