import { readFileSync } from 'node:fs';
import { DEMO_PERMIT_MAP } from './demo-permit-map';

/**
 * Which catalog service an OSS checklist permit opens. OSS names a permit by `kd_izin` (the
 * K/L/D's permit code, Lampiran 8: from getDataReferensi code 8, different per region) and the
 * KBLI of its project; one code may mean different services for different activities, so an
 * entry with `kbli` wins over the entry of the code alone.
 */
export interface PermitMapEntry {
  kdIzin: string;
  /** KBLI 2020, five digits; absent: any KBLI. */
  kbli?: string;
  serviceCode: string;
  /** What the entry is, for whoever maintains the map. */
  note?: string;
}

export class PermitMap {
  private readonly byKey = new Map<string, string>();

  constructor(entries: readonly PermitMapEntry[]) {
    for (const [index, entry] of entries.entries()) {
      const problem = entryProblem(entry);
      if (problem) throw new Error(`permit map entry ${index}: ${problem}`);
      const key = keyOf(entry.kdIzin, entry.kbli);
      if (this.byKey.has(key))
        throw new Error(`permit map entry ${index}: ${entry.kdIzin}/${entry.kbli ?? '*'} twice`);
      this.byKey.set(key, entry.serviceCode);
    }
  }

  /** The service for this permit: by code and KBLI, else by code alone; undefined: unmapped. */
  serviceFor(kdIzin: string | undefined, kbli: string | undefined): string | undefined {
    if (!kdIzin) return undefined;
    return (
      (kbli ? this.byKey.get(keyOf(kdIzin, kbli)) : undefined) ?? this.byKey.get(keyOf(kdIzin))
    );
  }
}

function keyOf(kdIzin: string, kbli?: string): string {
  return `${kdIzin}\u0000${kbli ?? ''}`;
}

function entryProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return 'not an object';
  const { kdIzin, kbli, serviceCode } = entry as Record<string, unknown>;
  if (typeof kdIzin !== 'string' || !/^[A-Za-z0-9._-]{1,13}$/.test(kdIzin))
    return 'kdIzin must be 1 to 13 letters, digits, dots, hyphens or underscores';
  if (kbli !== undefined && (typeof kbli !== 'string' || !/^\d{5}$/.test(kbli)))
    return 'kbli must be five digits';
  if (typeof serviceCode !== 'string' || !/^[A-Z0-9-]{2,64}$/.test(serviceCode))
    return 'serviceCode must be a catalog service code';
  return undefined;
}

/** OSS_PERMIT_MAP: a JSON file of entries (an array), or the demo map when empty. */
export function loadPermitMap(path: string): PermitMap {
  if (!path) return new PermitMap(DEMO_PERMIT_MAP);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: the permit map is a JSON array`);
  return new PermitMap(parsed as PermitMapEntry[]);
}
