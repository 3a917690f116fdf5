import type { ApplicationReceiptResponse } from './application-receipt.response';
import type { SubmitApplicationRequest } from './submit-application.request';
import type { TimelineResponse } from './timeline.response';

/** A birth certificate's form, as its standard in the demo catalog asks for it. */
export const BIRTH_FORM_EXAMPLE = {
  childName: 'Putri Rahayu',
  childSex: 'PEREMPUAN',
  birthDate: '2026-11-20',
  birthPlace: 'Cibinong',
  motherNik: '3201014506900001',
  marriageRecorded: true,
};

// Examples for the OpenAPI document: one applicant of the demo mall, typed as the real bodies
// so a renamed field fails to compile here instead of leaving a stale example.

export const SUBMIT_EXAMPLES: Record<string, { summary: string; value: SubmitApplicationRequest }> =
  {
    minimal: {
      summary: 'The required fields only (channel WEB)',
      value: {
        serviceCode: 'DUKCAPIL-KK',
        applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
      },
    },
    kiosk: {
      summary: 'At a kiosk, with a birth date that intake checks against the NIK',
      value: {
        serviceCode: 'DUKCAPIL-KK',
        applicant: { nik: '3201014506900001', name: 'Siti Rahayu', birthDate: '1990-06-05' },
        channel: 'KIOSK',
      },
    },
    portal: {
      summary: 'The national portal, with its own case number (a second use of it is a 409)',
      value: {
        serviceCode: 'DUKCAPIL-KK',
        applicant: { nik: '3201014506900001', name: 'Siti Rahayu' },
        channel: 'PORTAL',
        externalReference: 'OSS-2026-000123',
      },
    },
    withForm: {
      summary:
        "At the counter, with the applicant's consent and the form the service's standard asks for",
      value: {
        serviceCode: 'DUKCAPIL-AKTA-LAHIR',
        applicant: {
          nik: '3201014506900001',
          name: 'Siti Rahayu',
          consent: { method: 'SIGNED_FORM', reference: 'PRS/2026/11/0042' },
        },
        channel: 'COUNTER',
        form: BIRTH_FORM_EXAMPLE,
      },
    },
  };

export const RECEIPT_EXAMPLE: ApplicationReceiptResponse = {
  applicationId: '0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d',
  trackingNo: 'K7M39QX2C',
  status: 'SUBMITTED',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  channel: 'KIOSK',
  submittedAt: '2026-11-23T10:45:12.123+07:00',
};

export const TIMELINE_EXAMPLE: TimelineResponse = {
  trackingNo: 'K7M39QX2C',
  status: 'VERIFYING',
  agencyCode: 'DUKCAPIL',
  serviceCode: 'DUKCAPIL-KK',
  deadline: '2026-11-25T10:45:12.480+07:00',
  paused: false,
  entries: [
    {
      sequence: 0,
      status: 'SUBMITTED',
      at: '2026-11-23T10:45:12.123+07:00',
      agencyCode: 'DUKCAPIL',
    },
    {
      sequence: 1,
      status: 'VERIFYING',
      at: '2026-11-23T10:45:12.480+07:00',
      agencyCode: 'DUKCAPIL',
    },
  ],
};
