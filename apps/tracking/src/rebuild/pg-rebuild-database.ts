import { workingDayCalendar } from '@satupintu/domain';
import { executorOver, sql, type Executor } from '@satupintu/persistence';
import type { Pool } from 'pg';
import type { CaseRules } from '../cases/case-view';
import type { RebuildDatabase } from './case-views-rebuild';

/** The rebuild over a node-postgres pool, outside the service (the command, the bench). */
export function rebuildDatabaseOver(pool: Pool): RebuildDatabase {
  return {
    pool: executorOver(pool),
    connection: async (work) => {
      const client = await pool.connect();
      try {
        return await work(executorOver(client));
      } finally {
        client.release();
      }
    },
  };
}

/** The fold's rules as tracking holds them: its copy of the mall's calendar, and the at-risk share. */
export async function caseRulesFrom(db: Executor, atRiskShare: number): Promise<CaseRules> {
  const years = await db.query<{ daysOff: { date: string }[] }>(
    sql`SELECT days_off AS "daysOff" FROM working_day_calendar`,
  );
  return {
    calendar: workingDayCalendar(years.flatMap((year) => year.daysOff.map((day) => day.date))),
    atRiskShare,
  };
}
