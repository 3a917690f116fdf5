import type {
  MyBundlesPageResponse,
  MyCasesPageResponse,
  TrackedCasesPageResponse,
} from './tracking-views.response';

export const MY_CASES_EXAMPLE: MyCasesPageResponse = {
  items: [
    {
      applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'WEB',
      status: 'NEEDS_REVISION',
      submittedAt: '2026-11-23T10:45:12.123+07:00',
      changedAt: '2026-11-24T09:12:40.006+07:00',
      deadline: '2026-11-26T10:45:12.480+07:00',
      paused: true,
      expected: { action: 'REVISE', reason: 'Foto KTP tidak terbaca' },
    },
  ],
  nextCursor: 'WyIyMDI2LTExLTIzVDAzOjQ1OjEyLjEyM1oiLCI2ZjFjIl0',
};

export const MY_BUNDLES_EXAMPLE: MyBundlesPageResponse = {
  items: [
    {
      bundleCaseId: '0b9d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4',
      submittedAt: '2026-11-23T10:45:12.123+07:00',
      open: true,
      steps: [
        {
          applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
          trackingNo: 'K7M39QX2C',
          serviceCode: 'DUKCAPIL-AKTA-LAHIR',
          agencyCode: 'DUKCAPIL',
          channel: 'WEB',
          status: 'ISSUED',
          submittedAt: '2026-11-23T10:45:12.123+07:00',
          changedAt: '2026-11-24T14:02:11.530+07:00',
          deadline: '2026-11-26T10:45:12.480+07:00',
          paused: false,
          bundle: { bundleCaseId: '0b9d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4', stepKey: 'akta' },
          expected: { action: 'COLLECT' },
        },
        {
          applicationId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
          trackingNo: 'M2QH8RJ5V',
          serviceCode: 'DUKCAPIL-KK',
          agencyCode: 'DUKCAPIL',
          channel: 'WEB',
          status: 'VERIFYING',
          submittedAt: '2026-11-24T14:02:12.004+07:00',
          changedAt: '2026-11-24T14:02:12.390+07:00',
          deadline: '2026-11-27T14:02:12.390+07:00',
          paused: false,
          bundle: { bundleCaseId: '0b9d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4', stepKey: 'kk' },
          expected: { action: 'NONE' },
        },
      ],
    },
  ],
};

export const TRACKED_CASES_EXAMPLE: TrackedCasesPageResponse = {
  agencyCode: 'DUKCAPIL',
  items: [
    {
      applicationId: '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b',
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-KK',
      agencyCode: 'DUKCAPIL',
      channel: 'KIOSK',
      status: 'VERIFYING',
      submittedAt: '2026-11-23T10:45:12.123+07:00',
      changedAt: '2026-11-23T10:45:12.480+07:00',
      deadline: '2026-11-26T10:45:12.480+07:00',
      paused: false,
      atRiskFrom: '2026-11-25T16:45:12.480+07:00',
      risk: 'AT_RISK',
      revisions: 0,
    },
  ],
  nextCursor: 'WyIyMDI2LTExLTIzVDAzOjQ1OjEyLjEyM1oiLCI2ZjFjIl0',
};
