import type { ApplicantV2, SubmitApplicationV2, SubmitBundleV1 } from '@satupintu/contracts';
import { CHANNELS_OF } from '../../apps/intake/src/applications/submit-application';
import { DEMO_BUNDLES } from '../../apps/intake/src/bundles/demo-bundles';
import { DEMO_SERVICES } from '@satupintu/demo';

/** Real districts (idn-area-data) across the archipelago: Banda Aceh to Makassar. */
const DISTRICTS = [
  '117101',
  '127101',
  '317101',
  '320101',
  '337401',
  '357801',
  '517101',
  '647201',
  '737101',
];

const GIVEN = ['Siti', 'Budi', 'Dewi', 'Agus', 'Ni Luh', 'Made', 'Rina', 'Yusuf', 'Fitri'];
const FAMILY = ['Rahayu', 'Santoso', 'Lestari', 'Hidayat', 'Putri', 'Wijaya', 'Saragih'];

/** Serials 0001..9999: 0000 is not a valid serial. */
const SERIALS = 9999;
const FIRST_BIRTH_DATE = Date.UTC(1960, 0, 1);
const DAY_MS = 86_400_000;
/** 1960-01-01 plus up to ~49 years: every two-digit year appears once, so DDMMYY never repeats. */
const BIRTH_DAYS = 18_000;

export interface PlannedApplication {
  body: (SubmitApplicationV2 | Omit<SubmitBundleV1, 'bundleCode'>) & { applicant: ApplicantV2 };
  /** The agency of the application it opens (a bundle's: its first step's). */
  agencyCode: string;
  /** Where it is sent, when not `POST /v1/applications`: a bundle's submissions. */
  path?: string;
}

/** A single application's plan. */
export type PlannedSingle = PlannedApplication & {
  body: SubmitApplicationV2 & { applicant: ApplicantV2 };
};

/** One submission in this many opens a bundle instead of a single application. */
export const BUNDLE_EVERY = 10;
/** The demo bundle the load opens: one step to start (the birth certificate), DUKCAPIL's. */
const BUNDLE = DEMO_BUNDLES.find((bundle) => bundle.code === 'BIRTH-OF-A-CHILD')!;

/**
 * The `n`th submission of a run: every `BUNDLE_EVERY`th a bundle (one submission, its first
 * step opened as an application), the others single applications; each with a NIK of its own.
 */
export function plannedSubmission(n: number): PlannedApplication {
  return n % BUNDLE_EVERY === BUNDLE_EVERY - 1 ? plannedBundle(n) : plannedApplication(n);
}

/** The `n`th submission as a bundle: the applicant of `plannedApplication(n)`, no data yet. */
export function plannedBundle(n: number): PlannedApplication {
  const first = DEMO_SERVICES.find((service) => service.code === BUNDLE.steps[0].serviceCode)!;
  const channels = CHANNELS_OF.client.filter((channel) => first.channels.includes(channel));
  return {
    agencyCode: first.agencyCode,
    path: `/v1/bundles/${BUNDLE.code}/applications`,
    body: {
      applicant: plannedApplication(n).body.applicant,
      channel: channels[n % channels.length],
      form: {},
      documents: [],
    },
  };
}

/**
 * The `n`th application of a run (n from 0): a NIK no other `n` gets, valid for intake (a real
 * district, a real birth date with the +40 of women, a serial that is not 0000) and agreeing with
 * the stated birth date; the services of every agency in turn.
 */
export function plannedApplication(n: number): PlannedSingle {
  const serial = (n % SERIALS) + 1;
  const round = Math.floor(n / SERIALS);
  // Coprime steps spread the dates and districts; uniqueness comes from (round, serial) alone.
  const birth = new Date(FIRST_BIRTH_DATE + ((round * 7919) % BIRTH_DAYS) * DAY_MS);
  const woman = n % 2 === 0;
  const district = DISTRICTS[n % DISTRICTS.length];
  const day = birth.getUTCDate() + (woman ? 40 : 0);
  const nik =
    district +
    String(day).padStart(2, '0') +
    String(birth.getUTCMonth() + 1).padStart(2, '0') +
    String(birth.getUTCFullYear() % 100).padStart(2, '0') +
    String(serial).padStart(4, '0');
  const service = DEMO_SERVICES[n % DEMO_SERVICES.length];
  // A channel the service takes (its standard lists them), of those a client submits through.
  const channels = CHANNELS_OF.client.filter((channel) => service.channels.includes(channel));
  return {
    agencyCode: service.agencyCode,
    body: {
      serviceCode: service.code,
      applicant: {
        nik,
        name: `${GIVEN[n % GIVEN.length]} ${FAMILY[n % FAMILY.length]}`,
        birthDate: birth.toISOString().slice(0, 10),
      },
      // The load submits as an API client does (the portal, kiosks), for the applicant it names.
      channel: channels[n % channels.length],
    },
  };
}
