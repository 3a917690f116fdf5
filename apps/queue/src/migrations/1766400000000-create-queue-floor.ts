import { makeAppendOnly } from '@satupintu/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mall floor (ADR 0036). Set-up: service lines (a letter prefix over one agency's services;
 * a service is in one line at most), counters (codes unique in the mall, each an agency's) and
 * each service's booking slots. Tickets: one row from booking (or kiosk issue) to served or
 * no-show, with every instant part 2 measures waits and service times from; its number comes
 * from `ticket_counters` in the transaction that inserts it, backed by the unique
 * (line, day, number). `slot_bookings` counts the bookings of a slot, raised only below its
 * capacity in one statement. Officers' counter sessions (one open per counter, one per officer).
 * `floor_events`: every call, recall, served and no-show in commit order, numbered gap-free by
 * `floor_sequence`, append-only: what the display feed resumes from. No names, NIKs or birth
 * dates anywhere here: a booking names its applicant by id.
 */
export class CreateQueueFloor1766400000000 implements MigrationInterface {
  name = 'CreateQueueFloor1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_lines (
        prefix text PRIMARY KEY CHECK (prefix ~ '^[A-Z]{1,2}$'),
        agency_code text NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        active boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE line_services (
        service_code text PRIMARY KEY,
        prefix text NOT NULL REFERENCES service_lines (prefix),
        agency_code text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX line_services_prefix_idx ON line_services (prefix)');
    await queryRunner.query(`
      CREATE TABLE counters (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{1,8}$'),
        agency_code text NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        active boolean NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX counters_agency_idx ON counters (agency_code, code)');
    await queryRunner.query(`
      CREATE TABLE booking_schedules (
        service_code text PRIMARY KEY,
        agency_code text NOT NULL,
        slots jsonb NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE slot_bookings (
        service_code text NOT NULL,
        slot_start timestamptz NOT NULL,
        booked integer NOT NULL CHECK (booked >= 0),
        PRIMARY KEY (service_code, slot_start)
      )`);
    await queryRunner.query(`
      CREATE TABLE ticket_counters (
        line text NOT NULL,
        day date NOT NULL,
        last_no integer NOT NULL CHECK (last_no >= 1),
        PRIMARY KEY (line, day)
      )`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        code char(12) NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('WALK_IN', 'BOOKED')),
        status text NOT NULL
          CHECK (status IN ('BOOKED', 'CANCELLED', 'WAITING', 'CALLED', 'SERVED', 'NO_SHOW')),
        purpose text NOT NULL CHECK (purpose IN ('APPLY', 'HAND_IN_DOCUMENTS', 'COLLECT_OUTPUT')),
        service_code text NOT NULL,
        agency_code text NOT NULL,
        day date NOT NULL,
        line text,
        number integer CHECK (number >= 1),
        tracking_no char(9),
        application_id uuid,
        applicant_id text,
        client_id text,
        slot_start timestamptz,
        slot_end timestamptz,
        priority_from timestamptz,
        booked_at timestamptz,
        cancelled_at timestamptz,
        checked_in_at timestamptz,
        called_at timestamptz,
        last_called_at timestamptz,
        calls integer NOT NULL DEFAULT 0,
        counter_code text,
        session_id uuid,
        called_by text,
        served_at timestamptz,
        no_show_at timestamptz,
        CHECK ((number IS NULL) = (checked_in_at IS NULL)),
        CHECK ((number IS NULL) = (line IS NULL)),
        CHECK (kind = 'WALK_IN' OR (slot_start IS NOT NULL AND applicant_id IS NOT NULL))
      )`);
    // Backs the numbering: two tickets of a line never share a number on a day.
    await queryRunner.query(
      'CREATE UNIQUE INDEX tickets_number_idx ON tickets (line, day, number)',
    );
    // What calling reads: the waiting tickets of a day, by service, in check-in order.
    await queryRunner.query(`
      CREATE INDEX tickets_waiting_idx ON tickets (day, service_code, checked_in_at)
       WHERE status = 'WAITING'`);
    // A session has one ticket at its counter at a time: a second call before the first is
    // finished fails here, however close together they come.
    await queryRunner.query(
      "CREATE UNIQUE INDEX tickets_called_idx ON tickets (session_id) WHERE status = 'CALLED'",
    );
    await queryRunner.query(`
      CREATE INDEX tickets_applicant_idx ON tickets (applicant_id, booked_at DESC, id DESC)
       WHERE applicant_id IS NOT NULL`);
    // One open booking per applicant, service and day.
    await queryRunner.query(`
      CREATE UNIQUE INDEX tickets_one_booking_idx ON tickets (applicant_id, service_code, day)
       WHERE status = 'BOOKED'`);
    // The recent service times of a line, for the estimated wait.
    await queryRunner.query(`
      CREATE INDEX tickets_served_idx ON tickets (line, served_at DESC) WHERE status = 'SERVED'`);
    await queryRunner.query(`
      CREATE TABLE counter_sessions (
        id uuid PRIMARY KEY,
        counter_code text NOT NULL REFERENCES counters (code),
        agency_code text NOT NULL,
        officer_id text NOT NULL,
        service_codes text[] NOT NULL CHECK (cardinality(service_codes) BETWEEN 1 AND 50),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by text
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX counter_sessions_counter_idx ON counter_sessions (counter_code)
       WHERE closed_at IS NULL`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX counter_sessions_officer_idx ON counter_sessions (officer_id)
       WHERE closed_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE floor_sequence (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        last_sequence bigint NOT NULL
      )`);
    await queryRunner.query('INSERT INTO floor_sequence (last_sequence) VALUES (0)');
    await queryRunner.query(`
      CREATE TABLE floor_events (
        sequence bigint PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('CALLED', 'RECALLED', 'SERVED', 'NO_SHOW')),
        ticket_id uuid NOT NULL,
        ticket_no text NOT NULL,
        line text NOT NULL,
        service_code text NOT NULL,
        agency_code text NOT NULL,
        counter_code text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await makeAppendOnly(queryRunner, 'floor_events');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'floor_events',
      'floor_sequence',
      'counter_sessions',
      'tickets',
      'ticket_counters',
      'slot_bookings',
      'booking_schedules',
      'counters',
      'line_services',
      'service_lines',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
