import type { DefineBundleV1 } from '@satupintu/contracts';

/**
 * The demo mall's bundles, loaded with DEMO_SEED beside the demo catalog: the joint outputs a
 * newcomer can try from /docs. They are checked like a mall admin's definition: a step whose
 * service is not in the catalog stops the seed (and the start) instead of being left out.
 */
export const DEMO_BUNDLES: DefineBundleV1[] = [
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
      { key: 'nib', serviceCode: 'DPMPTSP-NIB', dependsOn: [], inputs: [] },
      {
        key: 'pbg',
        serviceCode: 'PUPR-PBG',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
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
        dependsOn: [],
        inputs: [],
      },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        dependsOn: ['akta'],
        inputs: [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }],
      },
    ],
  },
];
