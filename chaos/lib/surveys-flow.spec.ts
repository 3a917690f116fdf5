import type { SurveyReceipt, SurveySent, SurveysFound, SurveysSent } from './surveys-flow';
import { issuedOf, judgeSurveys, plannedComplaint, plannedSkmResponse } from './surveys-flow';
import type { StepRecord, Walk } from './walks';

const sent = (planned: SurveySent['planned'], id?: string): SurveySent => ({
  sentAt: 0,
  planned,
  idempotencyKey: `key-${planned.marker}`,
  retries: 0,
  answer: id ? 201 : 503,
  ...(id ? { receipt: { id } satisfies SurveyReceipt } : {}),
});
const nothing: SurveysFound = { skm: [], complaints: [], tallies: [], served: [] };

describe('the surveys a chaos row sends beside the load', () => {
  it('answers SKM by element code, one in three with one element unanswered, marked by its suggestion', () => {
    const first = plannedSkmResponse('r1', 0, '2026-12-04');
    const second = plannedSkmResponse('r1', 1, '2026-12-04');
    expect(first.marker).toBe('chaos-r1-skm-0');
    expect(first.body).toMatchObject({ day: '2026-12-04', suggestion: 'chaos-r1-skm-0' });
    const answers = (first.body as { answers: Record<string, number> }).answers;
    expect(Object.keys(answers)).toEqual(['U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    expect(Object.values(answers).every((a) => a >= 1 && a <= 4)).toBe(true);
    expect(Object.keys((second.body as { answers: object }).answers)).toHaveLength(9);
    const { agencyCode, serviceCode } = first.body as { agencyCode: string; serviceCode: string };
    expect(serviceCode.startsWith(`${agencyCode}-`)).toBe(true);
  });

  it('submits complaints about a service, each text its own', () => {
    const complaint = plannedComplaint('r1', 4);
    expect(complaint.body).toMatchObject({ subjectKind: 'SERVICE', text: complaint.marker });
    expect(complaint.marker).toContain('chaos-r1-complaint-4');
    expect(plannedComplaint('r1', 5).marker).not.toBe(complaint.marker);
  });

  it('looks for the walks whose ISSUE was acknowledged', () => {
    const step = (name: StepRecord['step'], acknowledged: boolean): StepRecord => ({
      step: name,
      answer: acknowledged ? 200 : 503,
      attempts: 1,
      acknowledged,
    });
    const walk = (trackingNo: string, steps: StepRecord[]): Walk => ({
      applicationId: trackingNo,
      trackingNo,
      startedAt: 0,
      steps,
    });
    expect(
      issuedOf([
        walk('A', [step('APPROVE', true), step('ISSUE', true)]),
        walk('B', [step('APPROVE', true), step('ISSUE', false)]),
        walk('C', [step('APPROVE', true)]),
      ]),
    ).toEqual(['A']);
  });
});

describe('the surveys audit', () => {
  const skm = [
    sent(plannedSkmResponse('r', 0, '2026-12-04'), 'resp-0'),
    sent(plannedSkmResponse('r', 1, '2026-12-04'), 'resp-1'),
    sent(plannedSkmResponse('r', 2, '2026-12-04')),
  ];
  const complaints = [sent(plannedComplaint('r', 0), 'ADU000000001')];
  const all: SurveysSent = { skm, complaints };
  const stored: SurveysFound = {
    ...nothing,
    skm: [
      { marker: skm[0].planned.marker, id: 'resp-0' },
      { marker: skm[1].planned.marker, id: 'resp-1' },
    ],
    complaints: [{ marker: complaints[0].planned.marker, id: 'ADU000000001' }],
    served: [{ trackingNo: 'T1', finishedStatus: 'ISSUED', serviceCode: 'PUPR-PBG' }],
  };

  it('finds every acknowledged one stored once, and a walked case served once, right', () => {
    expect(judgeSurveys(all, ['T1'], stored)).toEqual({ lost: 0, twice: 0, reasons: [] });
  });

  it('takes one stored without its answer (never acknowledged) as no fault', () => {
    const unanswered = {
      ...stored,
      skm: [...stored.skm, { marker: skm[2].planned.marker, id: 'x' }],
    };
    expect(judgeSurveys(all, [], unanswered)).toMatchObject({ lost: 0, twice: 0 });
  });

  it('counts an acknowledged one missing as lost, and one stored twice as processed twice', () => {
    expect(judgeSurveys(all, [], { ...stored, skm: stored.skm.slice(1) })).toMatchObject({
      lost: 1,
      twice: 0,
    });
    const doubled = {
      ...stored,
      skm: [
        ...stored.skm,
        { marker: skm[2].planned.marker, id: 'a' },
        { marker: skm[2].planned.marker, id: 'b' },
      ],
      complaints: [
        ...stored.complaints,
        { marker: complaints[0].planned.marker, id: 'ADU000000002' },
      ],
    };
    expect(judgeSurveys(all, [], doubled)).toMatchObject({ lost: 0, twice: 2 });
  });

  it('counts tallies short of the responses as lost and above them as processed twice', () => {
    const result = judgeSurveys(all, [], {
      ...stored,
      tallies: [
        { key: '2026-12-04 PUPR PUPR-PBG', figure: 'respondents', responses: 3, tallied: 2 },
        { key: '2026-12-04 PUPR PUPR-PBG', figure: 's_u1', responses: 9, tallied: 6 },
        { key: '2026-12-04 PUPR PUPR-SLF', figure: 'respondents', responses: 1, tallied: 2 },
        { key: '2026-12-04 DUKCAPIL DUKCAPIL-KK', figure: 'c_u4', responses: 2, tallied: 3 },
      ],
    });
    expect(result).toMatchObject({ lost: 2, twice: 1 });
    expect(result.reasons[0]).toContain('PUPR-PBG');
  });

  it('counts a walked case ISSUED that surveys has not served as lost, and one served twice', () => {
    expect(judgeSurveys(all, ['T1', 'T2'], stored)).toMatchObject({ lost: 1, twice: 0 });
    const notYet = {
      ...stored,
      served: [{ trackingNo: 'T1', finishedStatus: null, serviceCode: 'PUPR-PBG' }],
    };
    expect(judgeSurveys(all, ['T1'], notYet)).toMatchObject({ lost: 1 });
    const twice = { ...stored, served: [...stored.served, ...stored.served] };
    expect(judgeSurveys(all, ['T1'], twice)).toMatchObject({ lost: 0, twice: 1 });
  });
});
