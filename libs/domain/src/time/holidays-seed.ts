import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The form of the project's compiled copy of the SKB days off (`libs/domain/data/holidays-id.json`). */
export interface HolidaysSeed {
  years: Record<
    string,
    {
      decree?: string;
      holidays: {
        date: string;
        name_id: string;
        name_en: string;
        kind: 'national' | 'cuti_bersama';
        sources?: string[];
      }[];
    }
  >;
}

/**
 * Reads the seed from beside this code: the build copies `data/` into `dist/libs/domain/` as it
 * is, so the same relative path holds in the sources and in the compiled service.
 */
export function readHolidaysSeed(): HolidaysSeed {
  const file = join(__dirname, '..', '..', 'data', 'holidays-id.json');
  return JSON.parse(readFileSync(file, 'utf8')) as HolidaysSeed;
}
