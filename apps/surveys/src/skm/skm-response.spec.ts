import { DomainError } from '@satupintu/common';
import type { Principal, SubmitSkmResponseV1 } from '@satupintu/contracts';
import type { ServedCase } from '../served-cases/served-cases.repository';
import { answersOf, caseResponse, kioskResponse } from './skm-response';

const applicant: Principal = { kind: 'applicant', subject: 'a1', roles: [], scopes: [] };
const kiosk: Principal = {
  kind: 'client',
  subject: 'kiosk-1',
  clientId: 'kiosk-1',
  roles: [],
  scopes: ['surveys:kiosk'],
};
const finished: ServedCase = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  trackingNo: 'ABCDEFGH1',
  applicantId: 'a1',
  serviceCode: 'DUKCAPIL-KK',
  agencyCode: 'DUKCAPIL',
  finishedStatus: 'ISSUED',
  finishedAt: new Date('2026-03-01T00:00:00Z'),
};
const body: SubmitSkmResponseV1 = {
  trackingNo: 'ABCDEFGH1',
  answers: { U9: 4, U1: 3 },
  suggestion: '  Antrean lebih cepat  ',
};
// 17:30 UTC on 31 March is 00:30 on 1 April in Jakarta.
const now = new Date('2026-03-31T17:30:00Z');

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('not refused');
}

describe('SKM responses', () => {
  it('keeps answers by element code, whatever order they came in, and leaves out the unanswered', () => {
    expect(answersOf({ U9: 4, U1: 3 })).toEqual({ U1: 3, U9: 4 });
    expect(Object.keys(answersOf({ U9: 4, U1: 3 }))).toEqual(['U1', 'U9']);
  });

  it('refuses a response that answers nothing', () => {
    expect(refusal(() => answersOf({})).errors).toEqual([
      { field: 'answers', code: 'skm_no_answer' },
    ]);
  });

  it("takes the applicant's response about their finished case, on the mall's day", () => {
    expect(caseResponse('r1', applicant, body, finished, now, 'Asia/Jakarta')).toEqual({
      id: 'r1',
      source: 'CASE',
      applicationId: finished.applicationId,
      clientId: null,
      agencyCode: 'DUKCAPIL',
      serviceCode: 'DUKCAPIL-KK',
      day: '2026-04-01',
      answers: { U1: 3, U9: 4 },
      sex: null,
      ageBand: null,
      education: null,
      occupation: null,
      suggestion: 'Antrean lebih cepat',
    });
  });

  it("answers another applicant's case, and an unknown one, as not found", () => {
    const other = { ...applicant, subject: 'a2' };
    expect(refusal(() => caseResponse('r', other, body, finished, now, 'UTC'))).toMatchObject({
      code: 'skm_case_not_found',
      status: 404,
    });
    expect(refusal(() => caseResponse('r', applicant, body, undefined, now, 'UTC')).status).toBe(
      404,
    );
  });

  it('refuses a response before the case is finished', () => {
    const running = { ...finished, finishedStatus: null, finishedAt: null };
    expect(refusal(() => caseResponse('r', applicant, body, running, now, 'UTC'))).toMatchObject({
      code: 'skm_case_not_finished',
      status: 409,
    });
  });

  it("takes a kiosk's response about its agency's service on a day that has come", () => {
    const response = kioskResponse(
      'k1',
      kiosk,
      { agencyCode: 'DUKCAPIL', serviceCode: 'DUKCAPIL-KK', day: '2026-04-01', answers: { U2: 2 } },
      now,
      'Asia/Jakarta',
    );
    expect(response).toMatchObject({ source: 'KIOSK', clientId: 'kiosk-1', day: '2026-04-01' });
  });

  it("refuses a kiosk's response about another agency's service or a day to come", () => {
    const error = refusal(() =>
      kioskResponse(
        'k',
        kiosk,
        { agencyCode: 'PUPR', serviceCode: 'DUKCAPIL-KK', day: '2026-04-02', answers: { U2: 2 } },
        now,
        'Asia/Jakarta',
      ),
    );
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { field: 'serviceCode', code: 'service_of_other_agency', params: { agencyCode: 'PUPR' } },
      { field: 'day', code: 'day_in_future', params: { today: '2026-04-01' } },
    ]);
  });

  it('refuses a kiosk response from a client without the kiosk scope', () => {
    const portal = { ...kiosk, scopes: ['applications:submit'] };
    const request = { agencyCode: 'PUPR', serviceCode: 'PUPR-PBG', day: '2026-03-01', answers: {} };
    expect(refusal(() => kioskResponse('k', portal, request, now, 'UTC')).status).toBe(403);
  });
});
