import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDistrictCodes } from './districts-csv';
import type { RegionIndex } from './nik';

let cached: RegionIndex | undefined;

/**
 * The districts (kecamatan) of idn-area-data v3, read synchronously once and cached. The
 * package's own API is ESM-only and async, which a synchronous validator cannot await.
 *
 * The table follows the current regulation, so a NIK first registered under a code that has
 * since been retired (e.g. 91.01 Merauke, re-coded 93.01 when Papua Selatan was created in 2022)
 * is reported as `nik_region`.
 */
export function loadRegionIndex(): RegionIndex {
  cached ??= regionIndexOf(parseDistrictCodes(readFileSync(districtsCsvPath(), 'utf8')));
  return cached;
}

export function regionIndexOf(districtCodes: Iterable<string>): RegionIndex {
  const codes = new Set(districtCodes);
  return { hasDistrict: (code) => codes.has(code) };
}

function districtsCsvPath(): string {
  try {
    return join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'districts.csv');
  } catch {
    // A future release may add an `exports` map that hides package.json from require.resolve.
    return join(process.cwd(), 'node_modules', 'idn-area-data', 'data', 'districts.csv');
  }
}
