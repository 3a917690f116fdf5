import { DomainError } from '@satupintu/common';
import type { Principal } from '@satupintu/contracts';
import { finishedCaseOf } from './finished-case';
import type { ServedCase } from './served-cases.repository';

const siti: Principal = { kind: 'applicant', subject: 'siti', roles: [], scopes: [] };
const issued: ServedCase = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  trackingNo: 'K7M39QX2C',
  applicantId: 'siti',
  serviceCode: 'PUPR-PBG',
  agencyCode: 'PUPR',
  finishedStatus: 'ISSUED',
  finishedAt: new Date('2026-02-09T18:00:00Z'),
};
const refusals = {
  notFound: 'skm_case_not_found',
  notFinished: 'skm_case_not_finished',
} as const;

function refusal(found: ServedCase | undefined, principal: Principal = siti) {
  try {
    finishedCaseOf(principal, 'K7M39QX2C', found, refusals);
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, status: error.status, params: error.params };
  }
  throw new Error('not refused');
}

describe('the case a survey is answered about', () => {
  it("is the applicant's own, ended ISSUED or REJECTED, as surveys heard it", () => {
    expect(finishedCaseOf(siti, 'K7M39QX2C', issued, refusals)).toEqual({
      applicationId: issued.applicationId,
      trackingNo: 'K7M39QX2C',
      agencyCode: 'PUPR',
      serviceCode: 'PUPR-PBG',
      finishedStatus: 'ISSUED',
      finishedAt: issued.finishedAt,
    });
    const rejected = { ...issued, finishedStatus: 'REJECTED' as const };
    expect(finishedCaseOf(siti, 'K7M39QX2C', rejected, refusals).finishedStatus).toBe('REJECTED');
  });

  it("answers another applicant's case exactly as one nobody has: not found, with the instrument's code", () => {
    const notFound = {
      code: 'skm_case_not_found',
      status: 404,
      params: { trackingNo: 'K7M39QX2C' },
    };
    expect(refusal(issued, { ...siti, subject: 'budi' })).toEqual(notFound);
    expect(refusal(undefined)).toEqual(notFound);
  });

  it('answers a case whose submission surveys has not heard yet (only its end) as not found', () => {
    expect(refusal({ ...issued, applicantId: null, serviceCode: null }).status).toBe(404);
  });

  it('is no case of an officer or a client, whatever they name', () => {
    const officer: Principal = {
      kind: 'officer',
      subject: 'siti',
      roles: ['MALL_ADMIN'],
      scopes: [],
    };
    const kiosk: Principal = {
      kind: 'client',
      subject: 'siti',
      roles: [],
      scopes: ['surveys:kiosk'],
    };
    expect(refusal(issued, officer).status).toBe(404);
    expect(refusal(issued, kiosk).status).toBe(404);
  });

  it('refuses a case not ended yet, with the instrument’s code', () => {
    expect(refusal({ ...issued, finishedStatus: null, finishedAt: null })).toEqual({
      code: 'skm_case_not_finished',
      status: 409,
      params: { trackingNo: 'K7M39QX2C' },
    });
  });
});
