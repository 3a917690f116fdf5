import type { ApplicantProfileChangedV1, BusinessProfileChangedV1 } from '@satupintu/contracts';
import { sql, type Executor } from '@satupintu/persistence';

/** The agency's copies of the profiles it serves: every query on `applicants` and `businesses`. */
export const ProfilesRepository = {
  /** Marks an applicant as served here (a case arrived); answers whether it was new. */
  async needApplicant(db: Executor, applicantId: string): Promise<boolean> {
    const { count } = await db.execute(sql`
      INSERT INTO applicants (id) VALUES (${applicantId}) ON CONFLICT (id) DO NOTHING`);
    return count > 0;
  },

  async needBusiness(db: Executor, businessId: string): Promise<boolean> {
    const { count } = await db.execute(sql`
      INSERT INTO businesses (id) VALUES (${businessId}) ON CONFLICT (id) DO NOTHING`);
    return count > 0;
  },

  /** The current profile, if the applicant is served here and it is newer than what is kept. */
  async updateApplicant(db: Executor, profile: ApplicantProfileChangedV1): Promise<boolean> {
    const { count } = await db.execute(sql`
      UPDATE applicants
         SET nik = ${profile.nik}, name = ${profile.name}, birth_date = ${profile.birthDate},
             sex = ${profile.sex}, phone = ${profile.phone ?? null}, email = ${profile.email ?? null},
             address = ${profile.address ? JSON.stringify(profile.address) : null}::jsonb,
             version = ${profile.version}, synced_at = now()
       WHERE id = ${profile.applicantId} AND version < ${profile.version}`);
    return count > 0;
  },

  async updateBusiness(db: Executor, profile: BusinessProfileChangedV1): Promise<boolean> {
    const { count } = await db.execute(sql`
      UPDATE businesses
         SET nib = ${profile.nib}, name = ${profile.name}, kbli = ${profile.kbli}::text[],
             address = ${JSON.stringify(profile.address)}::jsonb, npwp = ${profile.npwp ?? null},
             version = ${profile.version}, synced_at = now()
       WHERE id = ${profile.businessId} AND version < ${profile.version}`);
    return count > 0;
  },
};
