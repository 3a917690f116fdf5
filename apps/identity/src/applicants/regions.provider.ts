import { loadRegionIndex } from '@satupintu/domain';

/** The NIK region table (idn-area-data's districts), loaded once at start-up. */
export const REGIONS = Symbol('REGIONS');
export const regionsProvider = { provide: REGIONS, useFactory: loadRegionIndex };
