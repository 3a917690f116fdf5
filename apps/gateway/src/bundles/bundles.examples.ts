import type { BundleCaseResponse } from './bundle-case.response';
import type { BundleResponse } from './bundle.response';
import type { DefineBundleRequest } from './define-bundle.request';
import type { SubmitBundleRequest } from './submit-bundle.request';

// Examples for the OpenAPI document, typed as the real bodies so a renamed field fails to
// compile here instead of leaving a stale example.

export const DEFINE_EXAMPLE: DefineBundleRequest = {
  nameId: 'Memulai usaha kecil',
  nameEn: 'Start a small business',
  descriptionEn: 'A NIB, then a building approval and a family card, the NIB attached to both.',
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
};

export const BUNDLE_EXAMPLE: BundleResponse = {
  code: 'START-SMALL-BUSINESS',
  nameId: DEFINE_EXAMPLE.nameId,
  nameEn: DEFINE_EXAMPLE.nameEn,
  descriptionEn: DEFINE_EXAMPLE.descriptionEn,
  steps: [
    { ...DEFINE_EXAMPLE.steps[0], agencyCode: 'DPMPTSP' },
    { ...DEFINE_EXAMPLE.steps[1], agencyCode: 'PUPR' },
    { ...DEFINE_EXAMPLE.steps[2], agencyCode: 'DUKCAPIL' },
  ],
  version: 1,
};

export const SUBMIT_BUNDLE_EXAMPLES: Record<
  string,
  { summary: string; value: SubmitBundleRequest }
> = {
  applicant: {
    summary: 'A signed-in applicant for themself',
    value: {
      form: { businessName: 'Warung Siti', kbli: '56103', capital: 15_000_000, floors: 1 },
      documents: [
        { requirement: 'KTP_ELEKTRONIK', documentId: '3c9a1f4e-2b7d-4e8a-9c6f-5d4e3b2a1f0e' },
      ],
    },
  },
  counter: {
    summary: 'A front-desk officer for a walk-in applicant',
    value: {
      applicant: {
        nik: '3201014506900001',
        name: 'Siti Rahayu',
        birthDate: '1990-06-05',
        consent: { method: 'SIGNED_FORM', reference: 'PRS/2026/11/0042' },
      },
      form: { businessName: 'Warung Siti', kbli: '56103', capital: 15_000_000, floors: 1 },
      documents: [],
    },
  },
};

export const BUNDLE_CASE_EXAMPLE: BundleCaseResponse = {
  bundleCaseId: '2d7e9c1a-4b3f-4e8d-a5c6-7f8e9d0c1b2a',
  trackingNo: 'B8N4R2W7P',
  bundleCode: 'START-SMALL-BUSINESS',
  status: 'IN_PROGRESS',
  channel: 'WEB',
  submittedAt: '2026-11-23T03:45:12.123Z',
  steps: [
    {
      key: 'nib',
      serviceCode: 'DPMPTSP-NIB',
      agencyCode: 'DPMPTSP',
      dependsOn: [],
      status: 'ISSUED',
      application: {
        applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
        trackingNo: 'K7M39QX2C',
      },
      output: { number: '9120001234567' },
    },
    {
      key: 'pbg',
      serviceCode: 'PUPR-PBG',
      agencyCode: 'PUPR',
      dependsOn: ['nib'],
      status: 'OPEN',
      application: {
        applicationId: '7a2d3c5f-9e4b-4a6f-8b8c-2d3e4f5a6b7c',
        trackingNo: 'M2P8T4V6X',
      },
    },
    {
      key: 'kk',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      dependsOn: ['nib'],
      status: 'OPEN',
      application: {
        applicationId: '8b3e4d6a-0f5c-4b7a-9c9d-3e4f5a6b7c8d',
        trackingNo: 'N3Q9V5W7Y',
      },
    },
  ],
};
