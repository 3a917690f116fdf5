import type { PermitMapEntry } from './permit-map';

/**
 * The demo mall's permit map (libs/demo's services). The `kd_izin` values are made up in the
 * shape of OSS's (twelve digits): a real mall takes its region's codes from OSS's
 * getDataReferensi (code 8) and sets OSS_PERMIT_MAP to a file of its own, in this shape.
 */
export const DEMO_PERMIT_MAP: readonly PermitMapEntry[] = [
  { kdIzin: '032000000001', serviceCode: 'PUPR-PBG', note: 'Persetujuan Bangunan Gedung' },
  { kdIzin: '032000000002', serviceCode: 'PUPR-SLF', note: 'Sertifikat Laik Fungsi' },
  {
    kdIzin: '059000000020',
    kbli: '73100',
    serviceCode: 'DPMPTSP-REKLAME',
    note: 'Izin reklame, for an advertising business (KBLI 73100)',
  },
  { kdIzin: '012000000011', serviceCode: 'DPMPTSP-SIP', note: 'Surat Izin Praktik' },
];
