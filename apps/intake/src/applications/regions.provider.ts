import { loadRegionIndex } from '@satupintu/domain';

/** The NIK region table (7,277 districts), loaded once at start-up. */
export const REGIONS = Symbol('REGIONS');
export const regionsProvider = { provide: REGIONS, useFactory: loadRegionIndex };
