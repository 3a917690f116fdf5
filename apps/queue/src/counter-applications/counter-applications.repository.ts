import { Injectable } from '@nestjs/common';
import { executorOf, sql, type Executor } from '@satupintu/persistence';
import { DataSource } from 'typeorm';

export interface ServedTicketRow {
  ticketCode: string;
  line: string;
  number: number;
  counterCode: string;
  serviceCode: string;
  agencyCode: string;
}

/** The ticket an officer is serving, and the application submitted for it (ADR 0037). */
@Injectable()
export class CounterApplicationsRepository {
  private readonly db: Executor;

  constructor(dataSource: DataSource) {
    this.db = executorOf(dataSource);
  }

  /** The ticket with this code if it is the one called to the officer's open session now. */
  async servedBy(officerId: string, ticketCode: string): Promise<ServedTicketRow | undefined> {
    const [row] = await this.db.query<ServedTicketRow>(sql`
      SELECT t.code AS "ticketCode", t.line, t.number, s.counter_code AS "counterCode",
             t.service_code AS "serviceCode", t.agency_code AS "agencyCode"
        FROM tickets t JOIN counter_sessions s ON s.id = t.session_id
       WHERE t.code = ${ticketCode} AND t.status = 'CALLED'
         AND s.officer_id = ${officerId} AND s.closed_at IS NULL`);
    return row;
  }

  /**
   * Records the application on its ticket, in the inbox's transaction. The first application
   * stays: a ticket leads to one counter-assisted application.
   */
  static async recordApplication(
    tx: Executor,
    ticketCode: string,
    application: { applicationId: string; trackingNo: string },
  ): Promise<void> {
    await tx.query(sql`
      UPDATE tickets SET application_id = ${application.applicationId},
                         tracking_no = ${application.trackingNo}
       WHERE code = ${ticketCode} AND application_id IS NULL`);
  }
}
