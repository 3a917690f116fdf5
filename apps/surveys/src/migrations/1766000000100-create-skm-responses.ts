import type { MigrationInterface, QueryRunner } from 'typeorm';

const ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];

/**
 * SKM responses (ADR 0032): one column per element, named by its code (never a position), 1–4 or
 * NULL when the element was left unanswered. A case's response is unique by its application id
 * (the constraint, not a check before the insert, keeps it to one); a kiosk's has none. `day` is
 * the local day (mall time zone) it counts on, which the periods are taken from.
 */
export class CreateSkmResponses1766000000100 implements MigrationInterface {
  name = 'CreateSkmResponses1766000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE skm_responses (
        id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('CASE', 'KIOSK')),
        application_id uuid,
        client_id text,
        agency_code text NOT NULL,
        service_code text NOT NULL,
        day date NOT NULL,
        ${ELEMENTS.map((e) => `${e} smallint CHECK (${e} BETWEEN 1 AND 4)`).join(',\n        ')},
        sex text CHECK (sex IN ('M', 'F')),
        age_band text CHECK (age_band IN ('UNDER_20', '20_TO_29', '30_TO_39', '40_TO_49', '50_TO_59', '60_AND_OVER')),
        education text CHECK (education IN ('SD_OR_LESS', 'SMP', 'SMA', 'D1_D3', 'D4_S1', 'S2_S3')),
        occupation text CHECK (occupation IN ('PNS_TNI_POLRI', 'PRIVATE_EMPLOYEE', 'ENTREPRENEUR', 'STUDENT', 'OTHER')),
        suggestion text CHECK (char_length(suggestion) <= 1000),
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT skm_responses_one_per_case UNIQUE (application_id),
        CHECK ((source = 'CASE') = (application_id IS NOT NULL)),
        CHECK (num_nonnulls(${ELEMENTS.join(', ')}) > 0)
      )`);
    // The index of a period: by day, for the mall, an agency or a service.
    await queryRunner.query('CREATE INDEX skm_responses_day_idx ON skm_responses (day)');
    await queryRunner.query(
      'CREATE INDEX skm_responses_agency_day_idx ON skm_responses (agency_code, day)',
    );
    await queryRunner.query(
      'CREATE INDEX skm_responses_service_day_idx ON skm_responses (service_code, day)',
    );
    // A period's suggestions, a page at a time.
    await queryRunner.query(
      'CREATE INDEX skm_responses_suggestions_idx ON skm_responses (day, id) WHERE suggestion IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE skm_responses');
  }
}
