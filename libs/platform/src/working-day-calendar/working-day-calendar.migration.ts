import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follower's copy of the mall's working-day calendar: one row per year, the latest version
 * received (intake owns the calendar). Every service that computes deadlines includes this
 * migration with `WorkingDayCalendarModule.follow()`.
 */
export class CreateWorkingDayCalendar1764900000700 implements MigrationInterface {
  name = 'CreateWorkingDayCalendar1764900000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE working_day_calendar (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        version integer NOT NULL CHECK (version >= 1),
        days_off jsonb NOT NULL,
        changed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE working_day_calendar');
  }
}
