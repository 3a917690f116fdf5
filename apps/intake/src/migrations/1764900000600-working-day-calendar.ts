import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mall's working-day calendar, which intake owns: each year's version and decree, and its
 * days off (national holidays and cuti bersama) with their names and where they come from. A
 * day off belongs to the year of its date, so a change bumps exactly that year's version.
 */
export class WorkingDayCalendar1764900000600 implements MigrationInterface {
  name = 'WorkingDayCalendar1764900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        version integer NOT NULL CHECK (version >= 1),
        decree text CHECK (length(decree) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE calendar_days_off (
        date date PRIMARY KEY,
        year integer NOT NULL REFERENCES calendar_years (year),
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'CUTI_BERSAMA')),
        name_id text NOT NULL CHECK (length(name_id) BETWEEN 1 AND 200),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        note text CHECK (length(note) <= 1000),
        CHECK (extract(year FROM date) = year)
      )`);
    await queryRunner.query('CREATE INDEX calendar_days_off_year ON calendar_days_off (year)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_days_off');
    await queryRunner.query('DROP TABLE calendar_years');
  }
}
