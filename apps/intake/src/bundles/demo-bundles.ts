import type { BundleV1 } from '@satupintu/contracts';

/**
 * The demo mall's bundles, loaded with DEMO_SEED beside the demo catalog: the joint outputs a
 * newcomer can try from /docs. Each step's service must be in the demo catalog.
 */
export const DEMO_BUNDLES: Omit<BundleV1, 'version'>[] = [
  {
    code: 'START-SMALL-BUSINESS',
    nameId: 'Memulai usaha kecil',
    nameEn: 'Start a small business',
    descriptionId:
      'NIB dari DPMPTSP, lalu Persetujuan Bangunan Gedung dari Dinas PUPR dan Kartu Keluarga ' +
      'yang diperbarui dari Dukcapil, dengan NIB terlampir otomatis.',
    descriptionEn:
      'A business identification number (NIB) from DPMPTSP, then a building approval from ' +
      'PUPR and an updated family card from Dukcapil, with the NIB attached automatically.',
    steps: [
      { key: 'nib', serviceCode: 'DPMPTSP-NIB', agencyCode: 'DPMPTSP', dependsOn: [], inputs: [] },
      {
        key: 'pbg',
        serviceCode: 'PUPR-PBG',
        agencyCode: 'PUPR',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
    ],
  },
  {
    code: 'BIRTH-OF-A-CHILD',
    nameId: 'Kelahiran anak',
    nameEn: 'Birth of a child',
    descriptionId: 'Akta kelahiran, lalu Kartu Keluarga baru dengan akta terlampir otomatis.',
    descriptionEn:
      'The birth certificate, then a new family card with the certificate attached automatically.',
    // The BPJS enrolment step (after the family card) joins when the catalog has BPJS.
    steps: [
      {
        key: 'akta',
        serviceCode: 'DUKCAPIL-AKTA-LAHIR',
        agencyCode: 'DUKCAPIL',
        dependsOn: [],
        inputs: [],
      },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        agencyCode: 'DUKCAPIL',
        dependsOn: ['akta'],
        inputs: [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }],
      },
    ],
  },
];
