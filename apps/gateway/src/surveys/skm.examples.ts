import { SKM_ELEMENTS, SKM_ELEMENT_TEXT } from '@satupintu/domain';
import type { SkmIndexResponse, SkmReceiptResponse, SkmReportResponse } from './skm.response';

const NRR = [3.25, 3.25, 3.25, 11 / 3, 3.25, 3.25, 3.25, 3.25, 3];
const ANSWERED = [4, 4, 4, 3, 4, 4, 4, 4, 3];

export const SKM_RECEIPT_EXAMPLE: SkmReceiptResponse = {
  responseId: '3b0c2d7e-9f51-4e0a-8d8e-0c6f4d1f2a77',
  source: 'CASE',
  agencyCode: 'DUKCAPIL',
  serviceCode: 'DUKCAPIL-KK',
  day: '2026-02-15',
  answered: ['U1', 'U2', 'U3', 'U5', 'U6', 'U7', 'U8', 'U9'],
  receivedAt: '2026-02-15T03:12:45.120Z',
};

/** Four responses, U4 and U9 each left unanswered once (the figures of the integration test). */
export const SKM_INDEX_EXAMPLE: SkmIndexResponse = {
  serviceCode: 'DUKCAPIL-KK',
  period: { kind: 'quarter', start: '2026-01-01', end: '2026-04-01', label: '2026-TW1' },
  timeZone: 'Asia/Jakarta',
  weightRule: 'EXACT',
  weight: 1 / 9,
  elements: SKM_ELEMENTS.map((element, i) => ({
    element,
    name: SKM_ELEMENT_TEXT[element].name,
    answered: ANSWERED[i],
    nrr: NRR[i],
  })),
  ikm: 81.71296296296296,
  ikmRounded: 81.71,
  category: 'B',
  categoryLabel: { id: 'Baik', en: 'Good' },
  unanswered: [],
  respondents: 4,
  population: 2,
  minimumSample: 2,
  sampleTooSmall: false,
  weakestFirst: ['U9', 'U1', 'U2', 'U3', 'U5', 'U6', 'U7', 'U8', 'U4'],
  profile: {
    sex: { M: 2, F: 2, UNSTATED: 0 },
    ageBand: { UNSTATED: 4 },
    education: { SMA: 4, UNSTATED: 0 },
    occupation: { UNSTATED: 4 },
  },
  suggestions: 1,
};

export const SKM_REPORT_EXAMPLE: SkmReportResponse = {
  language: 'id',
  index: SKM_INDEX_EXAMPLE,
  trend: [SKM_INDEX_EXAMPLE],
  followUpPlan: {
    forum: {
      date: '2026-04-20',
      participants: [{ name: 'Rina Wulandari', affiliation: 'Forum Warga Kecamatan' }],
      minutes: 'Disepakati perbaikan waktu penyelesaian (U3) pada TW II dan TW III.',
    },
    items: [
      {
        id: '8d1c3f6e-2b7a-4e59-9c0d-5a4b3c2d1e0f',
        element: 'U3',
        activity: 'Layanan antar dokumen ke rumah',
        plannedQuarters: ['II', 'III'],
        responsibleUnit: 'Bidang Pelayanan',
        status: 'IN_PROGRESS',
        evidence: { text: 'SK Kepala Dinas No. 12/2026', links: [] },
        version: 2,
      },
    ],
  },
  generatedAt: '2026-04-02T01:00:00.000Z',
};
