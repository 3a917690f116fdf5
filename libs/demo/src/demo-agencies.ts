import type { AgencyTimeZone } from '@satupintu/contracts';

export interface DemoAgency {
  code: string;
  name: string;
  timeZone: AgencyTimeZone;
}

/**
 * The demo mall's agencies (a regency's mall, Kabupaten Bogor-like): identity's demo accounts
 * (one officer of each role per agency), intake's demo catalog and `npm start` (one agency
 * deployment each) all read this list.
 */
export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    timeZone: 'Asia/Jakarta',
  },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', timeZone: 'Asia/Jakarta' },
  { code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', timeZone: 'Asia/Jakarta' },
  { code: 'BPJSKES', name: 'BPJS Kesehatan Kantor Cabang Cibinong', timeZone: 'Asia/Jakarta' },
];
