import {
  type JsonObject,
  PiaFieldError,
  isObject,
  listAt,
  objectAt,
  requiredTextAt,
  textAt,
} from './pia-fields';

/** The most checklist permits, projects and responsible persons one receiveNIB may carry. */
export const NIB_LIMITS = { checklist: 200, projects: 200, responsible: 50 } as const;

const NIB = /^\d{13}$/;
/** OSS's ids are alphanumeric; these characters also fit intake's external references. */
const OSS_ID = /^[A-Za-z0-9_.:-]+$/;
const KBLI = /^\d{5}$/;
const NIK = /^\d{16}$/;

/** One permit of the NIB's checklist (`dataNIB.data_checklist[]`). */
export interface ReceivedPermit {
  idIzin: string;
  kdIzin?: string;
  jenisIzin?: string;
  idProyek?: string;
  idProduk?: string;
  /** `kbli_konversi`, else the KBLI of the project the permit is for. */
  kbli?: string;
  namaIzin?: string;
  instansi?: string;
}

/** The person responsible for the business, when OSS names one by KTP (Lampiran 4: `01`). */
export interface ResponsiblePerson {
  nik: string;
  name: string;
}

/** The business's address as OSS gives it; the district (kecamatan) from its region id. */
export interface ReceivedAddress {
  line?: string;
  /** `PP.KK.CC`, from the first six digits of `perseroan_daerah_id`. */
  districtCode?: string;
  postalCode?: string;
}

export interface ReceivedNib {
  nib: string;
  ossId?: string;
  name?: string;
  npwp?: string;
  address: ReceivedAddress;
  /** Every KBLI of the NIB's projects, each once. */
  kbli: string[];
  responsible?: ResponsiblePerson;
  permits: ReceivedPermit[];
  /** The whole `dataNIB` as received, kept for the record. */
  data: JsonObject;
}

/**
 * Reads a receiveNIB body (PIA v4.3.22): `{"dataNIB": {...}}`. Throws `PiaFieldError` naming
 * the first field it cannot take; fields it does not use are kept in `data` unread.
 */
export function readReceiveNib(body: unknown): ReceivedNib {
  if (!isObject(body)) throw new PiaFieldError('dataNIB');
  const data = objectAt(body, 'dataNIB', '');
  const at = 'dataNIB.';
  const nib = requiredTextAt(data, 'nib', at, { maxLength: 13, pattern: NIB });
  const ossId = textAt(data, 'oss_id', at, { maxLength: 25 });
  const name = textAt(data, 'nama_perseroan', at, { maxLength: 255 });
  const npwp = textAt(data, 'npwp_perseroan', at, { maxLength: 16, pattern: /^\d{15,16}$/ });
  // OSS's region ids run from province (2 digits) to village (10); a district needs six.
  const region = textAt(data, 'perseroan_daerah_id', at, {
    maxLength: 10,
    pattern: /^\d{6}(\d{4})?$/,
    numeric: true,
  });
  const address = compact({
    line: textAt(data, 'alamat_perseroan', at, { maxLength: 255 }),
    districtCode: region && `${region.slice(0, 2)}.${region.slice(2, 4)}.${region.slice(4, 6)}`,
    postalCode: textAt(data, 'kode_pos_perseroan', at, {
      maxLength: 5,
      pattern: /^\d{5}$/,
      numeric: true,
    }),
  });

  const projectKbli = new Map<string, string>();
  const kbli = new Set<string>();
  listAt(data, 'data_proyek', at, NIB_LIMITS.projects).forEach((project, index) => {
    const path = `${at}data_proyek[${index}].`;
    const id = textAt(project, 'id_proyek', path, { maxLength: 25 });
    const code = textAt(project, 'kbli', path, { maxLength: 5, pattern: KBLI, numeric: true });
    if (code) {
      kbli.add(code);
      if (id) projectKbli.set(id, code);
    }
  });

  let responsible: ResponsiblePerson | undefined;
  listAt(data, 'penanggung_jwb', at, NIB_LIMITS.responsible).forEach((person, index) => {
    const path = `${at}penanggung_jwb[${index}].`;
    const kind = textAt(person, 'jns_identitas_penanggung_jwb', path, { maxLength: 2 });
    const number = textAt(person, 'no_identitas_penanggung_jwb', path, { maxLength: 100 });
    const personName = textAt(person, 'nama_penanggung_jwb', path, { maxLength: 500 });
    if (kind === '01' && number && !NIK.test(number))
      throw new PiaFieldError(`${path}no_identitas_penanggung_jwb`);
    if (!responsible && kind === '01' && number && personName)
      responsible = { nik: number, name: personName.slice(0, 200) };
  });

  const seen = new Set<string>();
  const permits = listAt(data, 'data_checklist', at, NIB_LIMITS.checklist).map(
    (item, index): ReceivedPermit => {
      const path = `${at}data_checklist[${index}].`;
      const idIzin = requiredTextAt(item, 'id_izin', path, { maxLength: 25, pattern: OSS_ID });
      if (seen.has(idIzin)) throw new PiaFieldError(`${path}id_izin`);
      seen.add(idIzin);
      const idProyek = textAt(item, 'id_proyek', path, { maxLength: 25 });
      const converted = textAt(item, 'kbli_konversi', path, {
        maxLength: 5,
        pattern: KBLI,
        numeric: true,
      });
      const permitKbli = converted ?? (idProyek ? projectKbli.get(idProyek) : undefined);
      return compact({
        idIzin,
        kdIzin: textAt(item, 'kd_izin', path, { maxLength: 13 }),
        jenisIzin: textAt(item, 'jenis_izin', path, { maxLength: 3 }),
        idProyek,
        idProduk: textAt(item, 'id_produk', path, { maxLength: 25 }),
        kbli: permitKbli,
        namaIzin: textAt(item, 'nama_izin', path, { maxLength: 255 }),
        instansi: textAt(item, 'instansi', path, { maxLength: 100 }),
      });
    },
  );

  return compact({
    nib,
    ossId,
    name,
    npwp,
    address,
    kbli: [...kbli],
    responsible,
    permits,
    data,
  });
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
