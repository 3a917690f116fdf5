import type { UpsertBusinessFromOssV1 } from '@satupintu/contracts';
import { createHash } from 'node:crypto';
import type { ReceivedNib } from './receive-nib';

/** The most KBLI codes identity keeps for one business. */
const KBLI_MAX = 50;

/**
 * What identity is to hold of a NIB's business (ADR 0035), or the fields OSS left empty that it
 * needs (a business needs a name, a KBLI, an address with its district, and an owner by KTP).
 * `digest` names the outcome, so the job asks identity only when it differs from the last one
 * it recorded. Pure.
 */
export type NibBusiness =
  | { complete: true; request: UpsertBusinessFromOssV1; digest: string }
  | { complete: false; missing: string[]; digest: string };

export function businessOfNib(nib: ReceivedNib): NibBusiness {
  const missing: string[] = [];
  if (!nib.name) missing.push('dataNIB.nama_perseroan');
  if (nib.kbli.length === 0) missing.push('dataNIB.data_proyek[].kbli');
  if (!nib.address.line) missing.push('dataNIB.alamat_perseroan');
  if (!nib.address.districtCode) missing.push('dataNIB.perseroan_daerah_id');
  if (!nib.responsible) missing.push('dataNIB.penanggung_jwb[]');
  if (
    missing.length > 0 ||
    !nib.name ||
    !nib.address.line ||
    !nib.address.districtCode ||
    !nib.responsible
  )
    return { complete: false, missing, digest: digestOf({ missing }) };
  const request: UpsertBusinessFromOssV1 = {
    nib: nib.nib,
    name: nib.name.slice(0, 200),
    kbli: nib.kbli.slice(0, KBLI_MAX),
    address: {
      line: nib.address.line,
      districtCode: nib.address.districtCode,
      ...(nib.address.postalCode ? { postalCode: nib.address.postalCode } : {}),
    },
    ...(nib.npwp ? { npwp: nib.npwp } : {}),
    owner: { nik: nib.responsible.nik, name: nib.responsible.name },
  };
  return { complete: true, request, digest: digestOf(request) };
}

/** SHA-256 of the value's JSON (built here, so its key order is fixed), hex. */
function digestOf(value: object): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
