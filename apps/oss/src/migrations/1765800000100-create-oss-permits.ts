import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What OSS sent and what became of it (issue 10).
 *
 * - `oss_nibs`: the last NIB data per NIB (the whole `dataNIB` as received), the person
 *   responsible by KTP (who the applications are opened for) and, once known, the identity
 *   business and owner it became.
 * - `oss_permits`: one row per checklist permit per NIB (`id_izin`, OSS's id of the permit
 *   request, which every status report back names). Its key is what makes a second receiveNIB
 *   open nothing twice: the insert that claims a permit is the only way to open its application.
 *   `application_id`/`tracking_no` say which application it opened (the tracking number always;
 *   the id when this service opened it itself); `service_code` is null and
 *   `state` UNMAPPED when the permit map knows no service for it.
 * - `oss_files`: the signed files receiveFileDS delivered, by URL, and the document they became.
 */
export class CreateOssPermits1765800000100 implements MigrationInterface {
  name = 'CreateOssPermits1765800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oss_nibs (
        nib text PRIMARY KEY CHECK (nib ~ '^[0-9]{13}$'),
        oss_id text,
        business_id uuid,
        owner_id uuid,
        responsible_nik text CHECK (responsible_nik ~ '^[0-9]{16}$'),
        responsible_name text,
        data jsonb NOT NULL,
        received_count integer NOT NULL DEFAULT 1,
        first_received_at timestamptz NOT NULL DEFAULT now(),
        last_received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE oss_permits (
        nib text NOT NULL REFERENCES oss_nibs (nib),
        id_izin text NOT NULL CHECK (length(id_izin) BETWEEN 1 AND 25),
        kd_izin text,
        id_proyek text,
        id_produk text,
        kbli text,
        nama_izin text,
        instansi text,
        service_code text,
        state text NOT NULL CHECK (state IN ('OPENING', 'OPENED', 'UNMAPPED', 'FAILED')),
        application_id uuid UNIQUE,
        tracking_no text UNIQUE,
        failure text,
        received_at timestamptz NOT NULL DEFAULT now(),
        opened_at timestamptz,
        PRIMARY KEY (nib, id_izin),
        CHECK ((state = 'OPENED') = (tracking_no IS NOT NULL)),
        CHECK (state = 'UNMAPPED' OR service_code IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX oss_permits_unmapped ON oss_permits (received_at, nib, id_izin) WHERE state = 'UNMAPPED'`,
    );
    await queryRunner.query(`
      CREATE TABLE oss_files (
        nib text NOT NULL,
        id_izin text NOT NULL,
        file_url text NOT NULL,
        document_id uuid,
        state text NOT NULL CHECK (state IN ('RECEIVED', 'ATTACHED', 'FAILED')),
        failure text,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nib, id_izin, file_url),
        FOREIGN KEY (nib, id_izin) REFERENCES oss_permits (nib, id_izin)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE oss_files');
    await queryRunner.query('DROP TABLE oss_permits');
    await queryRunner.query('DROP TABLE oss_nibs');
  }
}
