import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people and systems identity knows: agencies (identity owns the record; intake's catalog
 * follows it), applicants (citizens by NIK) and the businesses they act for, officers with their
 * roles, and API clients with their scopes. Passwords and secrets are argon2id hashes, never
 * the values. `version` grows with each change of a record that is published as an event.
 */
export class CreateAccounts1764500000100 implements MigrationInterface {
  name = 'CreateAccounts1764500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        time_zone text NOT NULL CHECK (time_zone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE applicants (
        id uuid PRIMARY KEY,
        nik char(16) NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        birth_date date NOT NULL,
        sex char(1) NOT NULL CHECK (sex IN ('M', 'F')),
        -- E.164 (+62…), and lower case: each identifies one applicant.
        phone text UNIQUE CHECK (phone ~ '^\\+62[0-9]{8,13}$'),
        email text UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
        phone_verified_at timestamptz,
        email_verified_at timestamptz,
        address jsonb,
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (phone IS NOT NULL OR email IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE TABLE businesses (
        id uuid PRIMARY KEY,
        nib char(13) NOT NULL UNIQUE CHECK (nib ~ '^[0-9]{13}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kbli text[] NOT NULL CHECK (cardinality(kbli) BETWEEN 1 AND 50),
        address jsonb NOT NULL,
        npwp text CHECK (npwp ~ '^([0-9]{15}|[0-9]{16})$'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE business_members (
        business_id uuid NOT NULL REFERENCES businesses (id),
        applicant_id uuid NOT NULL REFERENCES applicants (id),
        role text NOT NULL CHECK (role IN ('OWNER', 'REPRESENTATIVE')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, applicant_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX business_members_applicant_idx ON business_members (applicant_id)',
    );
    await queryRunner.query(`
      CREATE TABLE officers (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        agency_code text REFERENCES agencies (code),
        roles text[] NOT NULL CHECK (
          cardinality(roles) >= 1 AND
          roles <@ ARRAY['FRONT_DESK', 'VERIFIER', 'APPROVER', 'AGENCY_ADMIN', 'MALL_ADMIN', 'SURVEY_ANALYST']),
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Agency roles belong to an agency; the mall's own roles need none.
        CHECK (agency_code IS NOT NULL OR roles <@ ARRAY['MALL_ADMIN', 'SURVEY_ANALYST'])
      )`);
    await queryRunner.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY,
        client_id text NOT NULL UNIQUE CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('AGENCY_SYSTEM', 'KIOSK', 'PORTAL')),
        agency_code text REFERENCES agencies (code),
        scopes text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 64),
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Several at once while a rotation overlaps: the old one works until `expires_at`.
    await queryRunner.query(`
      CREATE TABLE client_secrets (
        id uuid PRIMARY KEY,
        client_id uuid NOT NULL REFERENCES api_clients (id),
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX client_secrets_client_idx ON client_secrets (client_id)');
    await queryRunner.query(`
      CREATE TABLE verification_codes (
        id uuid PRIMARY KEY,
        applicant_id uuid NOT NULL REFERENCES applicants (id),
        channel text NOT NULL CHECK (channel IN ('PHONE', 'EMAIL')),
        target text NOT NULL,
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX verification_codes_applicant_idx ON verification_codes (applicant_id, channel)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'verification_codes',
      'client_secrets',
      'api_clients',
      'officers',
      'business_members',
      'businesses',
      'applicants',
      'agencies',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
