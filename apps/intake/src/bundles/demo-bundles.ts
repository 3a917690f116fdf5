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
      'NIB dari DPMPTSP; lalu Persetujuan Bangunan Gedung (PBG) dari Dinas PUPR, dan sesudahnya ' +
      'Sertifikat Laik Fungsi (SLF) dengan PBG terlampir otomatis; izin reklame usaha dari ' +
      'DPMPTSP dengan NIB terlampir otomatis; dan kepesertaan JKN pemilik usaha di BPJS Kesehatan.',
    descriptionEn:
      'A business identification number (NIB) from DPMPTSP; then a building approval (PBG) from ' +
      'PUPR, followed by the certificate of fitness for use (SLF) with the PBG attached ' +
      "automatically; the business's signboard permit from DPMPTSP with the NIB attached " +
      "automatically; and the owner's national health insurance at BPJS Kesehatan.",
    steps: [
      { key: 'nib', serviceCode: 'DPMPTSP-NIB', dependsOn: [], inputs: [] },
      {
        key: 'pbg',
        serviceCode: 'PUPR-PBG',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
      {
        key: 'slf',
        serviceCode: 'PUPR-SLF',
        dependsOn: ['pbg'],
        inputs: [{ fromStep: 'pbg', asRequirement: 'PBG' }],
      },
      {
        key: 'reklame',
        serviceCode: 'DPMPTSP-REKLAME',
        dependsOn: ['nib'],
        inputs: [{ fromStep: 'nib', asRequirement: 'NIB' }],
      },
      // The owner enrols as a self-paying member: nothing the other steps issue is needed.
      { key: 'jkn', serviceCode: 'BPJSKES-DAFTAR', dependsOn: [], inputs: [] },
    ],
  },
  {
    code: 'BIRTH-OF-A-CHILD',
    nameId: 'Kelahiran anak',
    nameEn: 'Birth of a child',
    descriptionId:
      'Akta kelahiran; lalu Kartu Keluarga baru dengan akta terlampir otomatis; lalu pendaftaran ' +
      'bayi sebagai peserta JKN di BPJS Kesehatan dengan akta dan KK baru terlampir otomatis.',
    descriptionEn:
      'The birth certificate; then a new family card with the certificate attached ' +
      'automatically; then the newborn enrolled in national health insurance at BPJS Kesehatan ' +
      'with the certificate and the new family card attached automatically.',
    steps: [
      { key: 'akta', serviceCode: 'DUKCAPIL-AKTA-LAHIR', dependsOn: [], inputs: [] },
      {
        key: 'kk',
        serviceCode: 'DUKCAPIL-KK',
        dependsOn: ['akta'],
        inputs: [{ fromStep: 'akta', asRequirement: 'AKTA_KELAHIRAN' }],
      },
      {
        key: 'jkn',
        serviceCode: 'BPJSKES-DAFTAR',
        dependsOn: ['kk'],
        inputs: [
          { fromStep: 'akta', asRequirement: 'AKTA_LAHIR_BAYI' },
          { fromStep: 'kk', asRequirement: 'KK' },
        ],
      },
    ],
  },
];
