/**
 * The demo mall `npm start` loads into an empty catalog: real-looking agencies and services,
 * so a newcomer can try every flow from /docs. Not loaded in production unless DEMO_SEED=true.
 * The launcher starts one agency deployment for each agency listed here.
 */
export interface DemoAgency {
  code: string;
  name: string;
  timeZone: string;
}

export interface DemoService {
  code: string;
  name: string;
  agencyCode: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    timeZone: 'Asia/Jakarta',
  },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', timeZone: 'Asia/Jakarta' },
  { code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', timeZone: 'Asia/Jakarta' },
];

export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'DPMPTSP-NIB',
    name: 'Pendaftaran Nomor Induk Berusaha (NIB) usaha mikro',
    agencyCode: 'DPMPTSP',
  },
  { code: 'DPMPTSP-SIP', name: 'Surat Izin Praktik tenaga kesehatan', agencyCode: 'DPMPTSP' },
  { code: 'DUKCAPIL-KK', name: 'Penerbitan Kartu Keluarga', agencyCode: 'DUKCAPIL' },
  { code: 'DUKCAPIL-AKTA-LAHIR', name: 'Penerbitan Akta Kelahiran', agencyCode: 'DUKCAPIL' },
  { code: 'PUPR-PBG', name: 'Persetujuan Bangunan Gedung (PBG)', agencyCode: 'PUPR' },
];
