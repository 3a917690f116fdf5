import { localDateOf, toZonedIso } from '../time/zoned-time';
import { KD_STATUS, type KdStatus } from './kd-status';

/**
 * The bodies SatuPintu sends to OSS (PIA v4.3.22): receiveLicenseStatus's `IZINSTATUS` and
 * receiveLicense's `IZINFINAL`, field names and lengths exactly as the PIA's field lists
 * (`@apiBody`) give them. Optional fields are the ones the PIA brackets. The same lists check a
 * body (`checkLicenseStatusBody`, `checkLicenseBody`): before sending, and in the fake OSS.
 */

/** One field of a PIA field list. `max` is the length in the PIA's `String(n)`. */
export interface PiaField {
  type: 'string' | 'number' | 'boolean' | 'object';
  required: boolean;
  max?: number;
  /** Not empty: the identifiers OSS finds the permit by, the code, the time. */
  filled?: boolean;
  /** The values allowed: a Lampiran's codes. */
  codes?: readonly string[];
  /** The format of a non-empty value (the PIA's "format date"). */
  format?: { pattern: RegExp; name: string };
  fields?: Readonly<Record<string, PiaField>>;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, name: 'YYYY-MM-DD' };
const DATE_TIME = { pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, name: 'YYYY-MM-DD HH:II:SS' };
const LAMPIRAN_10 = Object.keys(KD_STATUS);
/** Lampiran 27, Data Jenis Izin. */
export const JENIS_PERIZINAN = ['01', '02', '04', 'K02', 'K03'] as const;

const str = (max: number, more: Partial<PiaField> = {}): PiaField => ({
  type: 'string',
  required: true,
  max,
  ...more,
});
const opt = (field: PiaField): PiaField => ({ ...field, required: false });

/** receiveLicenseStatus, `IZINSTATUS` (PIA: "Pengiriman Data Status Izin"). */
export const IZINSTATUS_FIELDS: Readonly<Record<string, PiaField>> = {
  nib: str(13, { filled: true }),
  id_produk: str(25),
  id_proyek: str(25),
  oss_id: str(25),
  id_izin: str(25, { filled: true }),
  kd_izin: str(12, { filled: true }),
  kd_instansi: str(3),
  kd_status: str(2, { filled: true, codes: LAMPIRAN_10 }),
  // The PIA says String(18), but its format has 19 characters: the format wins.
  tgl_status: str(19, { filled: true, format: DATE_TIME }),
  nip_status: str(50),
  nama_status: str(50),
  keterangan: str(65535),
  persetujuan_form: { type: 'boolean', required: false },
  file_lampiran: opt(str(65535)),
  data_pnbp: {
    type: 'object',
    required: false,
    fields: {
      kd_akun: opt(str(20)),
      kd_penerimaan: opt(str(20)),
      kd_billing: opt(str(50)),
      tgl_billing: opt(str(10, { format: DATE })),
      tgl_expire: opt(str(10, { format: DATE })),
      // "number(20.0)", sent as the example does: a string of digits.
      nominal: opt(str(20, { format: { pattern: /^\d{1,20}$/, name: 'number(20.0)' } })),
      url_dokumen: opt(str(255)),
    },
  },
};

/** receiveLicense, `IZINFINAL` (PIA: "Pengiriman Data Izin Final"). */
export const IZINFINAL_FIELDS: Readonly<Record<string, PiaField>> = {
  nib: str(13, { filled: true }),
  id_proyek: str(25),
  oss_id: str(25),
  id_izin: str(25, { filled: true }),
  kd_izin: str(12, { filled: true }),
  kd_daerah: str(10),
  nomor_izin: str(50, { filled: true }),
  tgl_terbit_izin: str(10, { filled: true, format: DATE }),
  tgl_berlaku_izin: str(10, { format: DATE }),
  nama_ttd: str(50),
  nip_ttd: str(25),
  jabatan_ttd: str(150),
  status_izin: str(2, { filled: true, codes: LAMPIRAN_10 }),
  file_izin: opt(str(65535)),
  keterangan: opt(str(65535)),
  file_lampiran: opt(str(65535)),
  nomenklatur_nomor_izin: opt(str(255)),
  bln_berlaku_izin: { type: 'number', required: false, max: 99999 },
  thn_berlaku_izin: { type: 'number', required: false, max: 99999 },
  jenis_perizinan: opt(str(3, { codes: JENIS_PERIZINAN })),
  data_teknis: {
    type: 'object',
    required: false,
    fields: {
      id_komitmen: opt(str(25)),
      luas_bangunan_disetujui: opt(str(25)),
      jumlah_lantai_disetujui: opt(str(2)),
      tinggi_bangunan_disetujui: opt(str(5)),
      luas_basement_disetujui: opt(str(25)),
      jumlah_lantai_basement_disetujui: opt(str(25)),
    },
  },
};

/** One field refused, named by its path in the body (`IZINSTATUS.kd_status`). */
export interface PiaFieldProblem {
  field: string;
  problem:
    | 'required'
    | 'unknown_field'
    | 'must_be_string'
    | 'must_be_number'
    | 'must_be_boolean'
    | 'must_be_object'
    | 'empty'
    | 'too_long'
    | 'not_a_code'
    | 'bad_format';
}

/** What is wrong with `value` as the field list `fields` under `path`: nothing if it fits. */
export function checkPiaFields(
  value: unknown,
  fields: Readonly<Record<string, PiaField>>,
  path: string,
): PiaFieldProblem[] {
  if (!isObject(value)) return [{ field: path, problem: 'must_be_object' }];
  const problems: PiaFieldProblem[] = [];
  for (const key of Object.keys(value))
    if (!Object.hasOwn(fields, key))
      problems.push({ field: `${path}.${key}`, problem: 'unknown_field' });
  for (const [key, spec] of Object.entries(fields)) {
    const field = `${path}.${key}`;
    const given = value[key];
    if (given === undefined || given === null) {
      if (spec.required) problems.push({ field, problem: 'required' });
      continue;
    }
    const problem = checkField(given, spec);
    if (typeof problem === 'string') problems.push({ field, problem });
    else if (spec.fields) problems.push(...checkPiaFields(given, spec.fields, field));
  }
  return problems;
}

function checkField(given: unknown, spec: PiaField): PiaFieldProblem['problem'] | undefined {
  switch (spec.type) {
    case 'object':
      return isObject(given) ? undefined : 'must_be_object';
    case 'boolean':
      return typeof given === 'boolean' ? undefined : 'must_be_boolean';
    case 'number':
      if (typeof given !== 'number' || !Number.isInteger(given) || given < 0)
        return 'must_be_number';
      return spec.max !== undefined && given > spec.max ? 'too_long' : undefined;
    case 'string':
      if (typeof given !== 'string') return 'must_be_string';
      if (given === '') return spec.filled ? 'empty' : undefined;
      if (spec.max !== undefined && given.length > spec.max) return 'too_long';
      if (spec.codes && !spec.codes.includes(given)) return 'not_a_code';
      if (spec.format && !spec.format.pattern.test(given)) return 'bad_format';
      return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A receiveLicenseStatus body's problems: the wrapper and every field of `IZINSTATUS`. */
export function checkLicenseStatusBody(body: unknown): PiaFieldProblem[] {
  return checkWrapped(body, 'IZINSTATUS', IZINSTATUS_FIELDS);
}

/** A receiveLicense body's problems: the wrapper and every field of `IZINFINAL`. */
export function checkLicenseBody(body: unknown): PiaFieldProblem[] {
  return checkWrapped(body, 'IZINFINAL', IZINFINAL_FIELDS);
}

function checkWrapped(
  body: unknown,
  wrapper: string,
  fields: Readonly<Record<string, PiaField>>,
): PiaFieldProblem[] {
  if (!isObject(body)) return [{ field: wrapper, problem: 'required' }];
  const unknown = Object.keys(body)
    .filter((key) => key !== wrapper)
    .map((key): PiaFieldProblem => ({ field: key, problem: 'unknown_field' }));
  if (body[wrapper] === undefined) return [{ field: wrapper, problem: 'required' }, ...unknown];
  return [...unknown, ...checkPiaFields(body[wrapper], fields, wrapper)];
}

/** What OSS sent about the permit with receiveNIB (its `data_checklist` entry): who it is. */
export interface OssPermitRef {
  nib: string;
  idIzin: string;
  kdIzin: string;
  idProyek?: string;
  idProduk?: string;
  ossId?: string;
  kdDaerah?: string;
}

/** The PIA's time of a status: the agency's wall clock, `YYYY-MM-DD HH:II:SS`. */
export function piaDateTime(at: Date, timeZone: string): string {
  const iso = toZonedIso(at, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export interface LicenseStatusInput {
  permit: OssPermitRef;
  /** The mall's agency code at OSS ("Kode Instansi", 3 characters; the deployment's). */
  kdInstansi: string;
  kdStatus: KdStatus;
  at: Date;
  timeZone: string;
  /** The reason of the move (a revision's, a rejection's), if any: else Lampiran 10's wording. */
  reason?: string;
  /** On 30: the fee due, as the agency's event carries it. */
  payment?: { code: string; amount: number; expiresAt: string };
}

/**
 * A receiveLicenseStatus body. `nip_status` is empty and `nama_status` is Lampiran 10's STATUS
 * of the code: the agency's event names no officer (personal data stays in the agency), and
 * the PIA's "Nip/Nama Status Izin" says no more of what they must hold.
 */
export function buildLicenseStatusBody(input: LicenseStatusInput): {
  IZINSTATUS: Record<string, unknown>;
} {
  const { permit, payment } = input;
  const wording = KD_STATUS[input.kdStatus];
  return {
    IZINSTATUS: {
      nib: permit.nib,
      id_produk: permit.idProduk ?? '',
      id_proyek: permit.idProyek ?? '',
      oss_id: permit.ossId ?? '',
      id_izin: permit.idIzin,
      kd_izin: permit.kdIzin,
      kd_instansi: input.kdInstansi,
      kd_status: input.kdStatus,
      tgl_status: piaDateTime(input.at, input.timeZone),
      nip_status: '',
      nama_status: wording.status.slice(0, 50),
      keterangan: input.reason?.trim() || wording.keterangan,
      ...(payment && input.kdStatus === '30'
        ? {
            data_pnbp: {
              kd_billing: payment.code,
              tgl_billing: localDateOf(input.at, input.timeZone),
              tgl_expire: localDateOf(new Date(payment.expiresAt), input.timeZone),
              nominal: String(payment.amount),
            },
          }
        : {}),
    },
  };
}

export interface LicenseInput {
  permit: OssPermitRef;
  /** The output's number (`nomor_izin`) and when it was issued. */
  number: string;
  issuedAt: Date;
  timeZone: string;
  /** Where OSS fetches the signed PDF (`file_izin`: "berupa link"). */
  fileUrl?: string;
  /** The region code of the mall (Kemendagri), when the permit did not bring one. */
  kdDaerah?: string;
  /** The name of the service issued (`nomenklatur_nomor_izin`). */
  nomenclature?: string;
}

/**
 * A receiveLicense body for an issued output. The signer's name, NIP and position are empty:
 * the output is signed with the agency's key (ADR 0021), which names no officer; and so is the
 * validity (`tgl_berlaku_izin`), which no service standard states yet.
 */
export function buildLicenseBody(input: LicenseInput): { IZINFINAL: Record<string, unknown> } {
  const { permit } = input;
  return {
    IZINFINAL: {
      nib: permit.nib,
      id_proyek: permit.idProyek ?? '',
      oss_id: permit.ossId ?? '',
      id_izin: permit.idIzin,
      kd_izin: permit.kdIzin,
      kd_daerah: permit.kdDaerah || input.kdDaerah || '',
      nomor_izin: input.number,
      tgl_terbit_izin: localDateOf(input.issuedAt, input.timeZone),
      tgl_berlaku_izin: '',
      nama_ttd: '',
      nip_ttd: '',
      jabatan_ttd: '',
      status_izin: '50',
      ...(input.fileUrl ? { file_izin: input.fileUrl } : {}),
      ...(input.nomenclature ? { nomenklatur_nomor_izin: input.nomenclature.slice(0, 255) } : {}),
    },
  };
}

/**
 * Whether OSS acknowledged a call: its reply's `kode` is 200 (Lampiran 9, "Sukses"), under the
 * method's `respon<method>` wrapper. An HTTP 200 whose body says otherwise is not an
 * acknowledgement; the `kode` is read as a number or a string (the PIA types it both ways).
 */
export function ossAcknowledged(method: string, answer: string): boolean {
  const reply = parseReply(method, answer);
  return reply !== undefined && String(reply.kode) === '200';
}

/** `kode keterangan` of OSS's reply, for the delivery log; the raw text if it is not one. */
export function describeOssReply(method: string, answer: string): string {
  const reply = parseReply(method, answer);
  if (!reply) return answer.slice(0, 500);
  const keterangan = typeof reply.keterangan === 'string' ? ` ${reply.keterangan}` : '';
  return `${String(reply.kode)}${keterangan}`.slice(0, 500);
}

function parseReply(method: string, answer: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const reply = parsed[`respon${method}`];
  return isObject(reply) ? reply : undefined;
}
