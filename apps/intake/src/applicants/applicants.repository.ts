import type { ApplicantProfileChangedV1, BusinessProfileChangedV1 } from '@satupintu/contracts';
import { joinSql, sql, type Executor } from '@satupintu/persistence';

export interface KnownApplicant {
  id: string;
  nik: string;
  name: string;
  birthDate: string;
}

/** Intake's copy of who applicants are and whom they act for: `applicants`, `business_members`. */
export const ApplicantsRepository = {
  async followApplicant(db: Executor, profile: ApplicantProfileChangedV1): Promise<void> {
    // A NIK names one account in identity: one that another account held before (a corrected
    // NIK) is no longer that account's, and must not stall this consumer on the unique index.
    await db.execute(sql`
      DELETE FROM applicants
       WHERE nik = ${profile.nik} AND id <> ${profile.applicantId}
         AND NOT EXISTS (SELECT 1 FROM applicants newer
                          WHERE newer.id = ${profile.applicantId}
                            AND newer.version >= ${profile.version})`);
    await db.execute(sql`
      INSERT INTO applicants (id, nik, name, birth_date, version)
      VALUES (${profile.applicantId}, ${profile.nik}, ${profile.name}, ${profile.birthDate},
              ${profile.version})
      ON CONFLICT (id) DO UPDATE
         SET nik = EXCLUDED.nik, name = EXCLUDED.name, birth_date = EXCLUDED.birth_date,
             version = EXCLUDED.version
       WHERE applicants.version < EXCLUDED.version`);
  },

  /** The business's members become exactly those of its newest profile. */
  async followBusiness(db: Executor, profile: BusinessProfileChangedV1): Promise<void> {
    const [newest] = await db.query<{ newer: boolean }>(sql`
      SELECT NOT EXISTS (
        SELECT 1 FROM business_members
         WHERE business_id = ${profile.businessId} AND version >= ${profile.version}) AS newer`);
    if (!newest?.newer) return;
    await db.execute(sql`DELETE FROM business_members WHERE business_id = ${profile.businessId}`);
    if (profile.members.length === 0) return;
    const rows = profile.members.map(
      (member) =>
        sql`(${profile.businessId}::uuid, ${member.applicantId}::uuid, ${member.role}, ${profile.version}::int)`,
    );
    await db.execute(sql`
      INSERT INTO business_members (business_id, applicant_id, role, version)
      VALUES ${joinSql(rows)}`);
  },

  async byNik(db: Executor, nik: string): Promise<KnownApplicant | undefined> {
    const rows = await db.query<KnownApplicant>(sql`
      SELECT id, nik, name, birth_date::text AS "birthDate" FROM applicants WHERE nik = ${nik}`);
    return rows[0];
  },

  async actsFor(db: Executor, applicantId: string, businessId: string): Promise<boolean> {
    const rows = await db.query(sql`
      SELECT 1 FROM business_members
       WHERE applicant_id = ${applicantId} AND business_id = ${businessId}`);
    return rows.length > 0;
  },
};
