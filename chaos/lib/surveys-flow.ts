import type { SkmAnswersV1 } from '@satupintu/contracts';
import { DEMO_SERVICES } from '@satupintu/demo';
import { SKM_ELEMENTS, localDateOf } from '@satupintu/domain';
import type { AuditResult } from './audit';
import type { Walk } from './walks';
import {
  type Authorize,
  type PlannedRequest,
  type Sent,
  SteadyLoad,
  describeFailures,
  describeRetries,
} from './load';

/**
 * Beside the applications, the surveys a row sends at a low rate (ADR 0032, 0034): kiosk SKM
 * responses as the demo kiosk, and anonymous complaints, each with an `Idempotency-Key` and
 * retried as the load retries. Each carries a text of its own (the SKM suggestion, the
 * complaint's text), so the audit finds what surveys stored for it, however many times.
 */
export interface PlannedSurvey extends PlannedRequest {
  /** The text only this request carries. */
  marker: string;
}

/** What a 201 acknowledges: the stored response's or complaint's id, as surveys answered it. */
export interface SurveyReceipt {
  id: string;
}

/** The mall's zone, whose local days the SKM responses count on (`MALL_TIME_ZONE`'s default). */
const MALL_TIME_ZONE = 'Asia/Jakarta';
const COMPLAINT_KINDS = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] as const;

/**
 * The `n`th kiosk SKM response of the run: about one of the demo services, on today's local day,
 * every element answered 1–4 but, for one in three, one element left unanswered (it must leave
 * only its own denominator). The suggestion is its marker. Pure but for `today`.
 */
export function plannedSkmResponse(run: string, n: number, today: string): PlannedSurvey {
  const service = DEMO_SERVICES[n % DEMO_SERVICES.length];
  const skipped = n % 3 === 0 ? SKM_ELEMENTS[n % SKM_ELEMENTS.length] : undefined;
  const answers: SkmAnswersV1 = {};
  SKM_ELEMENTS.forEach((element, i) => {
    if (element !== skipped) answers[element] = ((n + i) % 4) + 1;
  });
  const marker = `chaos-${run}-skm-${n}`;
  return {
    marker,
    body: {
      agencyCode: service.agencyCode,
      serviceCode: service.code,
      day: today,
      answers,
      suggestion: marker,
    },
  };
}

/** The `n`th anonymous complaint of the run, about one of the demo services. Pure. */
export function plannedComplaint(run: string, n: number): PlannedSurvey {
  const service = DEMO_SERVICES[n % DEMO_SERVICES.length];
  const marker = `Antrean loket terlalu lama (chaos-${run}-complaint-${n}).`;
  return {
    marker,
    body: {
      kind: COMPLAINT_KINDS[n % COMPLAINT_KINDS.length],
      subjectKind: 'SERVICE',
      serviceCode: service.code,
      text: marker,
    },
  };
}

/** A 201's body read for the id it acknowledges (`responseId` or `complaintNo`). */
function receiptBy(field: 'responseId' | 'complaintNo') {
  return (text: string): SurveyReceipt | undefined => {
    try {
      const id = (JSON.parse(text) as Record<string, unknown>)[field];
      return typeof id === 'string' ? { id } : undefined;
    } catch {
      return undefined;
    }
  };
}

export type SurveySent = Sent<PlannedSurvey, SurveyReceipt>;

/** What a row's surveys flow sent, by kind. */
export interface SurveysSent {
  skm: readonly SurveySent[];
  complaints: readonly SurveySent[];
}

/**
 * The two flows of a row, each at half of `perSecond`: kiosk SKM responses
 * (`POST /v1/skm/kiosk-responses` as the kiosk) and anonymous complaints (`POST /v1/complaints`).
 */
export class SurveysFlow {
  private readonly skm: SteadyLoad<PlannedSurvey, SurveyReceipt>;
  private readonly complaints: SteadyLoad<PlannedSurvey, SurveyReceipt>;

  constructor(options: {
    gatewayUrl: string;
    perSecond: number;
    timeoutMs: number;
    /** Tells this run's markers from any other's. */
    run: string;
    kiosk: Authorize;
  }) {
    let skm = 0;
    let complaints = 0;
    const common = { perSecond: options.perSecond / 2, timeoutMs: options.timeoutMs };
    this.skm = new SteadyLoad({
      ...common,
      url: `${options.gatewayUrl}/v1/skm/kiosk-responses`,
      next: () => plannedSkmResponse(options.run, skm++, localDateOf(new Date(), MALL_TIME_ZONE)),
      authorize: options.kiosk,
      receiptOf: receiptBy('responseId'),
    });
    this.complaints = new SteadyLoad({
      ...common,
      url: `${options.gatewayUrl}/v1/complaints`,
      next: () => plannedComplaint(options.run, complaints++),
      receiptOf: receiptBy('complaintNo'),
    });
  }

  start(): void {
    this.skm.start();
    this.complaints.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.skm.stop(), this.complaints.stop()]);
  }

  get sent(): SurveysSent {
    return { skm: this.skm.sent, complaints: this.complaints.sent };
  }
}

/** `SKM 30 sent, 29 acknowledged (503×1; 1 retried …); complaints …`, for the row's notes. */
export function describeSurveys(sent: SurveysSent): string {
  const one = (name: string, records: readonly SurveySent[]) => {
    const failures = describeFailures(records);
    const retries = describeRetries(records);
    return (
      `${name} ${records.length} sent, ${records.filter((r) => r.receipt).length} acknowledged` +
      `${failures === '0' ? '' : `, non-2xx ${failures}`}` +
      `${retries === '0' ? '' : `, ${retries}`}`
    );
  };
  return `${one('kiosk SKM responses', sent.skm)}; ${one('anonymous complaints', sent.complaints)}`;
}

/** The tracking numbers of the walks whose ISSUE step was acknowledged. */
export function issuedOf(walks: readonly Walk[]): string[] {
  return walks
    .filter((walk) => walk.steps.some((step) => step.step === 'ISSUE' && step.acknowledged))
    .map((walk) => walk.trackingNo);
}

/** What the audit read of surveys' database. */
export interface SurveysFound {
  /** Each stored SKM response whose suggestion is one of the markers sent: its marker and id. */
  skm: readonly { marker: string; id: string }[];
  /** Each stored complaint whose text is one of the markers sent: its text and number. */
  complaints: readonly { marker: string; id: string }[];
  /**
   * Per local day, agency and service where the tallies differ from the stored responses: the
   * figure (`respondents`, `s_u1`, `c_u1`, …), the responses' value and the tallies'.
   */
  tallies: readonly { key: string; figure: string; responses: number; tallied: number }[];
  /** The served cases of the walked cases acknowledged ISSUED, by tracking number. */
  served: readonly {
    trackingNo: string;
    finishedStatus: string | null;
    serviceCode: string | null;
  }[];
}

/**
 * Lost: an acknowledged SKM response or complaint that surveys does not have under its
 * marker; a walked case acknowledged ISSUED that is not in surveys' served cases as ISSUED (with
 * its service, from its submission); tallies short of the stored responses (in respondents, or a
 * sum or count of an element). Processed twice: a marker stored more than once (acknowledged or
 * not: one request stored twice), tallies above the responses, a tracking number in served cases
 * more than once. Pure.
 */
export function judgeSurveys(
  sent: SurveysSent,
  issued: readonly string[],
  found: SurveysFound,
): AuditResult {
  const reasons: string[] = [];
  let lost = 0;
  let twice = 0;
  const judge = (name: string, records: readonly SurveySent[], stored: SurveysFound['skm']) => {
    const byMarker = new Map<string, string[]>();
    for (const row of stored)
      byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row.id]);
    const missing = records.filter(
      (r) => r.receipt && !(byMarker.get(r.planned.marker) ?? []).includes(r.receipt.id),
    ).length;
    const doubled = [...byMarker.values()].filter((ids) => ids.length > 1).length;
    if (missing > 0) reasons.push(`surveys: ${name} acknowledged and not stored: ${missing}`);
    if (doubled > 0) reasons.push(`surveys: ${name} stored more than once: ${doubled}`);
    lost += missing;
    twice += doubled;
  };
  judge('kiosk SKM responses', sent.skm, found.skm);
  judge('complaints', sent.complaints, found.complaints);

  const groups = new Map<string, { short: boolean; over: boolean; figures: string[] }>();
  for (const row of found.tallies) {
    const group = groups.get(row.key) ?? { short: false, over: false, figures: [] };
    if (row.figure === 'respondents') {
      group.short ||= row.tallied < row.responses;
      group.over ||= row.tallied > row.responses;
    } else group.short = true;
    group.figures.push(`${row.figure} ${row.tallied} tallied, ${row.responses} stored`);
    groups.set(row.key, group);
  }
  for (const [key, group] of groups) {
    if (group.over) twice += 1;
    else lost += 1;
    reasons.push(
      `surveys: SKM tallies of ${key} differ from its responses: ${group.figures.join(', ')}`,
    );
  }

  const rows = new Map<string, SurveysFound['served'][number][]>();
  for (const row of found.served)
    rows.set(row.trackingNo, [...(rows.get(row.trackingNo) ?? []), row]);
  const notServed = issued.filter(
    (trackingNo) =>
      !(rows.get(trackingNo) ?? []).some((r) => r.finishedStatus === 'ISSUED' && r.serviceCode),
  ).length;
  const servedTwice = issued.filter((trackingNo) => (rows.get(trackingNo) ?? []).length > 1).length;
  if (notServed > 0)
    reasons.push(`surveys: walked cases ISSUED and not in served cases as ISSUED: ${notServed}`);
  if (servedTwice > 0)
    reasons.push(`surveys: walked cases in served cases more than once: ${servedTwice}`);
  lost += notServed;
  twice += servedTwice;
  return { lost, twice, reasons };
}
