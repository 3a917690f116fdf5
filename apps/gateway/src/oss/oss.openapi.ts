import type { SchemaObject } from '@nestjs/swagger';

/** The tag of the operations that speak OSS's protocol, not SatuPintu's. */
export const OSS_TAG = 'OSS RBA PIA v4.3.22';
export const OSS_TAG_DESCRIPTION =
  'Methods the national Online Single Submission (OSS RBA) calls on the mall, in OSS\'s own protocol (Pedoman Integrasi Aplikasi v4.3.22): its field names, its `Token` header, its replies `{"respon<method>": {"status", "keterangan"}}` and HTTP statuses, never problem+json. Not for other clients.';

/** The security scheme of the PIA's Token header. */
export const OSS_TOKEN_SCHEME = 'ossToken';
export const OSS_TOKEN_SCHEME_OBJECT = {
  type: 'apiKey' as const,
  in: 'header' as const,
  name: 'Token',
  description:
    "OSS's proof on each call (PIA v4.3.22): `SHA1(USERNAME + PASSWORD + NIB + DATE(Ymd))` as lower-case hex, where USERNAME and PASSWORD are what OSS and the mall agreed on (the oss service's `OSS_USERNAME`, `OSS_PASSWORD`), NIB is the `nib` of the body, and the date is today's in Asia/Jakarta (`OSS_TIME_ZONE`), e.g. `20261203`. A token of another day or another NIB is refused.",
};

/** Any field OSS adds in a later PIA version is accepted and kept unread. */
const ANY_PIA_VALUE: SchemaObject = {
  oneOf: [
    { type: 'string', maxLength: 65535 },
    { type: 'number', minimum: -1e20, maximum: 1e20 },
    { type: 'array', maxItems: 500, items: { type: 'object' } },
    { type: 'object' },
  ],
};

const text = (maxLength: number, description: string, extra: SchemaObject = {}): SchemaObject => ({
  type: 'string',
  maxLength,
  description,
  ...extra,
});

const CHECKLIST_ITEM: SchemaObject = {
  type: 'object',
  description: 'One permit the business needs (`data_checklist[]`)',
  required: ['id_izin'],
  properties: {
    id_izin: text(25, "OSS's id of the permit request; every status report back names it", {
      pattern: '^[A-Za-z0-9_.:-]{1,25}$',
    }),
    kd_izin: text(13, "The K/L/D's permit code (Lampiran 8); the permit map's key"),
    jenis_izin: text(3, 'Jenis perizinan (Lampiran 27)'),
    id_proyek: text(25, 'The project (`data_proyek[].id_proyek`) the permit is for'),
    id_produk: text(25, 'The product, for product certificates'),
    kbli_konversi: text(5, 'KBLI 2020 converted from KBLI 2017, if any', { pattern: '^\\d{5}$' }),
    nama_izin: text(255, 'The permit’s name'),
    instansi: text(100, 'The agency that issues it'),
  },
  additionalProperties: ANY_PIA_VALUE,
};

const PROJECT: SchemaObject = {
  type: 'object',
  description: 'One project (`data_proyek[]`)',
  properties: {
    id_proyek: text(25, 'id_proyek'),
    kbli: text(5, 'KBLI 2020 of the project', { pattern: '^\\d{5}$' }),
  },
  additionalProperties: ANY_PIA_VALUE,
};

const RESPONSIBLE: SchemaObject = {
  type: 'object',
  description:
    'Penanggung jawab: the first one named by KTP (`01`) is who the applications are opened for',
  properties: {
    jns_identitas_penanggung_jwb: text(2, 'Jenis identitas (Lampiran 4: 01 KTP, 02 Paspor)'),
    no_identitas_penanggung_jwb: text(100, 'The NIK (16 digits) for a KTP'),
    nama_penanggung_jwb: text(500, 'Name'),
  },
  additionalProperties: ANY_PIA_VALUE,
};

export const RECEIVE_NIB_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['dataNIB'],
  properties: {
    dataNIB: {
      type: 'object',
      description:
        'The NIB and its permit checklist. Only the fields below are read; every other field of the PIA (and an empty string for any field not given) is accepted and kept as received.',
      required: ['nib'],
      properties: {
        nib: text(13, 'Nomor Induk Berusaha, 13 digits', { pattern: '^\\d{13}$' }),
        oss_id: text(25, 'OSS id of the business'),
        nama_perseroan: text(255, 'Business name'),
        npwp_perseroan: text(16, 'NPWP', { pattern: '^\\d{15,16}$' }),
        penanggung_jwb: { type: 'array', maxItems: 50, items: RESPONSIBLE },
        data_proyek: { type: 'array', maxItems: 200, items: PROJECT },
        data_checklist: { type: 'array', maxItems: 200, items: CHECKLIST_ITEM },
      },
      additionalProperties: ANY_PIA_VALUE,
    },
  },
};

export const RECEIVE_FILE_DS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['receiveFileDS'],
  properties: {
    receiveFileDS: {
      type: 'object',
      required: ['id_izin', 'nib', 'file_izin'],
      properties: {
        id_izin: text(25, 'The permit (as sent in receiveNIB) the file is the signed output of', {
          pattern: '^[A-Za-z0-9_.:-]{1,25}$',
        }),
        nib: text(13, 'Nomor Induk Berusaha', { pattern: '^\\d{13}$' }),
        file_izin: text(2048, 'URL of the signed permit file (http or https)', {
          format: 'uri',
        }),
      },
      additionalProperties: ANY_PIA_VALUE,
    },
  },
};

export const PIA_REPLY_SCHEMA = (method: string): SchemaObject => ({
  type: 'object',
  required: [`respon${method}`],
  properties: {
    [`respon${method}`]: {
      type: 'object',
      required: ['status', 'keterangan'],
      properties: {
        status: { type: 'string', enum: ['1', '2'], description: '1: TRUE; 2: FALSE' },
        keterangan: text(255, 'Keterangan respon'),
      },
    },
  },
});

/**
 * The PIA's example, with values: the PIA's own (endpoints.apidoc.txt) leaves every value empty,
 * which no mall could act on. The kd_izin values are the demo mall's (the oss service's
 * demo-permit-map.ts).
 */
export const RECEIVE_NIB_EXAMPLE = {
  dataNIB: {
    nib: '8120000110171',
    tgl_pengajuan_nib: '2026-12-01',
    tgl_terbit_nib: '2026-12-01',
    oss_id: 'P-202612010001',
    kd_daerah: '3201',
    kewenangan: '02',
    jenis_pelaku_usaha: '01',
    flag_perusahaan: 'Y',
    status_penanaman_modal: '01',
    npwp_perseroan: '012345678901000',
    nama_perseroan: 'PT Maju Bersama Cibinong',
    jenis_perseroan: '01',
    alamat_perseroan: 'Jl. Raya Bogor KM 43',
    perseroan_daerah_id: '3201010001',
    versi_pia: '4.3.22',
    penanggung_jwb: [
      {
        flag_asing: 'N',
        jns_identitas_penanggung_jwb: '01',
        no_identitas_penanggung_jwb: '3201015506900003',
        nama_penanggung_jwb: 'Siti Rahmawati',
        jabatan_penanggung_jwb: 'Direktur',
      },
    ],
    data_proyek: [{ id_proyek: 'R-202612010001', kbli: '73100', uraian_usaha: 'Periklanan' }],
    data_checklist: [
      {
        id_proyek: 'R-202612010001',
        id_izin: 'I-202612010001',
        jenis_izin: '01',
        kd_izin: '032000000001',
        nama_izin: 'Persetujuan Bangunan Gedung',
        instansi: 'Dinas PUPR',
      },
      {
        id_proyek: 'R-202612010001',
        id_izin: 'I-202612010002',
        jenis_izin: '01',
        kd_izin: '059000000020',
        nama_izin: 'Izin Penyelenggaraan Reklame',
        instansi: 'DPMPTSP',
      },
    ],
    status_nib: '01',
    tipe_dokumen: '9',
  },
};

export const RECEIVE_FILE_DS_EXAMPLE = {
  receiveFileDS: {
    id_izin: 'I-202612010001',
    nib: '8120000110171',
    file_izin: 'https://oss.go.id/files/izin/I-202612010001.pdf',
  },
};
