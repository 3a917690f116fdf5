import type { ApplicationStatusChangedV1, Principal } from '@satupintu/contracts';
import { type CaseRecord, verifyChain, workingDayCalendar } from '@satupintu/domain';
import { domainErrorOf } from '@satupintu/testing';
import type { CaseFacts } from '../rules/agency-rules';
import type { ServiceTerms } from './case-records';
import { type LockedCase, fetchFacts, transitionCase } from './transition-case';
import { chainOf } from './transition-case.spec-helpers';

const APPLICATION_ID = '6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b';
// Monday 23 November 2026, 10:00 in Jakarta.
const NOW = new Date('2026-11-23T03:00:00.000Z');
const TERMS: ServiceTerms = {
  timeLimit: { value: 2, unit: 'WORKING_DAYS' },
  feeApplies: false,
  categories: [],
  kbliFields: [],
  requiresNib: false,
  requirements: ['childName', 'KK'],
};

const officer = (roles: Principal['roles'], agency = 'DUKCAPIL'): Principal => ({
  kind: 'officer',
  subject: `officer-${roles.join('-').toLowerCase()}`,
  roles,
  agency,
  scopes: [],
});

const verifying = chainOf(APPLICATION_ID, [['SUBMITTED', 'VERIFYING', 'START_VERIFICATION']]);

function ports(
  status: LockedCase['status'] | undefined,
  history: CaseRecord[],
  terms: ServiceTerms | null = TERMS,
  parties: Pick<CaseFacts, 'applicant' | 'business'> = { applicant: { registered: true } },
) {
  const moved: { record: CaseRecord; change: ApplicationStatusChangedV1 }[] = [];
  const issued: { record: CaseRecord; issuedBy: string }[] = [];
  const locked: LockedCase | undefined = status && {
    applicationId: APPLICATION_ID,
    trackingNo: 'K7M39QX2C',
    serviceCode: 'DUKCAPIL-AKTA-LAHIR',
    status,
    timeZone: 'Asia/Jakarta',
  };
  return {
    moved,
    issued,
    lockCase: () => Promise.resolve(locked),
    history: () => Promise.resolve(history),
    terms: () => Promise.resolve(terms ?? undefined),
    parties: () => Promise.resolve(parties),
    calendar: () => workingDayCalendar([]),
    now: () => NOW,
    issueOutput: (_locked: LockedCase, record: CaseRecord, issuedBy: string) => {
      issued.push({ record, issuedBy });
      return Promise.resolve('DUKCAPIL/2026/000042');
    },
    moveCase: (record: CaseRecord, change: ApplicationStatusChangedV1) => {
      moved.push({ record, change });
      return Promise.resolve();
    },
  };
}

describe('transitionCase', () => {
  it('sends a case back: the next record with actor, role, reason and requirements, the clock paused', async () => {
    const fake = ports('VERIFYING', verifying);
    const answer = await transitionCase(
      'DUKCAPIL',
      officer(['VERIFIER']),
      {
        trackingNo: 'K7M39QX2C',
        action: 'REQUEST_REVISION',
        reason: '  The family card scan is unreadable. ',
        requirements: ['KK'],
      },
      fake,
    );
    expect(answer).toEqual({
      agencyCode: 'DUKCAPIL',
      applicationId: APPLICATION_ID,
      trackingNo: 'K7M39QX2C',
      serviceCode: 'DUKCAPIL-AKTA-LAHIR',
      status: 'NEEDS_REVISION',
      sequence: 2,
      // Arrived Friday 20 November: Monday and Tuesday are its two working days.
      deadline: '2026-11-25T00:00:00.000+07:00',
      paused: true,
      changedAt: '2026-11-23T10:00:00.000+07:00',
    });
    const [{ record, change }] = fake.moved;
    expect(record).toMatchObject({
      sequence: 2,
      from: 'VERIFYING',
      to: 'NEEDS_REVISION',
      action: 'REQUEST_REVISION',
      actor: { kind: 'officer', subject: 'officer-verifier', role: 'VERIFIER' },
      reason: 'The family card scan is unreadable.',
      requirements: ['KK'],
    });
    expect(verifyChain([...verifying, record]).ok).toBe(true);
    expect(change).toEqual({
      applicationId: APPLICATION_ID,
      trackingNo: 'K7M39QX2C',
      agencyCode: 'DUKCAPIL',
      agencyTimeZone: 'Asia/Jakarta',
      from: 'VERIFYING',
      to: 'NEEDS_REVISION',
      reason: 'The family card scan is unreadable.',
      changedAt: NOW.toISOString(),
      sequence: 2,
      deadline: '2026-11-25T00:00:00.000+07:00',
    });
  });

  it('goes to payment first when the standard charges a fee, to review otherwise', async () => {
    const payment = {
      code: '880800123456789012',
      amount: 50_000,
      currency: 'IDR',
      expiresAt: '2026-11-26T10:00:00.000+07:00',
    } as const;
    const paid = {
      ...ports('VERIFYING', verifying, { ...TERMS, feeApplies: true }),
      paymentDue: () => Promise.resolve(payment),
    };
    const request = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;
    expect(await transitionCase('DUKCAPIL', officer(['VERIFIER']), request, paid)).toMatchObject({
      status: 'AWAITING_PAYMENT',
      paused: true,
      payment,
    });
    expect(paid.moved[0].change.payment).toEqual(payment);
    const free = ports('VERIFYING', verifying);
    expect(await transitionCase('DUKCAPIL', officer(['VERIFIER']), request, free)).toMatchObject({
      status: 'IN_REVIEW',
      paused: false,
    });
  });

  it('renews an expired payment code: a record that keeps the status, the new code on its event', async () => {
    const awaiting = chainOf(APPLICATION_ID, [
      ['SUBMITTED', 'VERIFYING', 'START_VERIFICATION'],
      ['VERIFYING', 'AWAITING_PAYMENT', 'COMPLETE_VERIFICATION'],
    ]);
    const renewed = {
      code: '880800987654321098',
      amount: 50_000,
      currency: 'IDR',
      expiresAt: '2026-11-26T10:00:00.000+07:00',
    } as const;
    const asked: Date[] = [];
    const fake = {
      ...ports('AWAITING_PAYMENT', awaiting, { ...TERMS, feeApplies: true }),
      renewPayment: (_locked: LockedCase, at: Date) => {
        asked.push(at);
        return Promise.resolve(renewed);
      },
    };
    const request = { trackingNo: 'K7M39QX2C', action: 'RENEW_PAYMENT' } as const;
    const answer = await transitionCase('DUKCAPIL', officer(['VERIFIER']), request, fake);
    expect(answer).toMatchObject({
      status: 'AWAITING_PAYMENT',
      sequence: 3,
      paused: true,
      payment: renewed,
    });
    expect(fake.moved[0].record).toMatchObject({
      sequence: 3,
      from: 'AWAITING_PAYMENT',
      to: 'AWAITING_PAYMENT',
      action: 'RENEW_PAYMENT',
      actor: { kind: 'officer', role: 'VERIFIER' },
    });
    expect(fake.moved[0].change.payment).toEqual(renewed);
    expect(asked).toEqual([NOW]);
    expect(verifyChain([...awaiting, fake.moved[0].record])).toMatchObject({ ok: true, length: 3 });
    const withAmount = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['VERIFIER']), { ...request, amount: 10_000 }, fake),
    );
    expect(withAmount).toMatchObject({
      status: 422,
      errors: [{ field: 'amount', code: 'amount_not_assessed' }],
    });
    expect(fake.moved).toHaveLength(1);
  });

  it('refuses an amount where no fee is being asked for', async () => {
    const fake = ports('VERIFYING', verifying);
    const error = await domainErrorOf(
      transitionCase(
        'DUKCAPIL',
        officer(['VERIFIER']),
        { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION', amount: 10_000 },
        fake,
      ),
    );
    expect(error).toMatchObject({
      status: 422,
      errors: [{ field: 'amount', code: 'amount_not_assessed' }],
    });
    expect(fake.moved).toEqual([]);
  });

  it('runs the agency’s own rules as the case leaves verification: a broken one refuses, naming it', async () => {
    const request = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;
    const walkIn = ports('VERIFYING', verifying, TERMS, {});
    const error = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['VERIFIER']), request, walkIn),
    );
    expect([error.status, error.code, error.params, error.errors]).toEqual([
      422,
      'agency_rules_unmet',
      { rules: 'dukcapil.registered-applicant' },
      [{ field: 'applicant', code: 'nik_not_registered' }],
    ]);
    expect(walkIn.moved).toEqual([]);
    // Another agency's rules are not this one's; the case moves.
    const elsewhere = ports('VERIFYING', verifying, TERMS, {});
    expect(
      await transitionCase('PUPR', officer(['VERIFIER'], 'PUPR'), request, elsewhere),
    ).toMatchObject({ status: 'IN_REVIEW' });
  });

  it('gives the rules the service’s categories, whether it requires an NIB, and the business the agency holds', async () => {
    const request = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;
    const business = { ...TERMS, categories: ['BUSINESS'], requiresNib: true };
    const none = ports('VERIFYING', verifying, business);
    expect(
      await domainErrorOf(
        transitionCase('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), request, none),
      ),
    ).toMatchObject({
      status: 422,
      params: { rules: 'dpmptsp.business-nib-and-kbli' },
      errors: [{ field: 'business', code: 'business_required' }],
    });
    const held = ports('VERIFYING', verifying, business, {
      business: { nib: '9120000000001', kbli: ['56101'] },
    });
    expect(
      await transitionCase('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), request, held),
    ).toMatchObject({ status: 'IN_REVIEW' });
  });

  it('compares the form fetched before the lock with the KBLI the business holds', async () => {
    const request = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;
    const terms = { ...TERMS, categories: ['BUSINESS'], kbliFields: ['kbli'] };
    const business = { business: { nib: '9120000000001', kbli: ['56101'] } };
    const dpmptsp = officer(['VERIFIER'], 'DPMPTSP');
    const other = ports('VERIFYING', verifying, terms, business);
    const refusal = await domainErrorOf(
      transitionCase('DPMPTSP', dpmptsp, request, other, {
        applicationId: APPLICATION_ID,
        form: { kbli: '47111' },
      }),
    );
    expect(refusal).toMatchObject({
      status: 422,
      code: 'agency_rules_unmet',
      errors: [{ field: 'kbli', code: 'kbli_not_held', params: { kbli: '47111' } }],
    });
    expect(other.moved).toEqual([]);
    const held = ports('VERIFYING', verifying, terms, business);
    expect(
      await transitionCase('DPMPTSP', dpmptsp, request, held, {
        applicationId: APPLICATION_ID,
        form: { kbli: '56101' },
      }),
    ).toMatchObject({ status: 'IN_REVIEW' });
  });

  it('never lets a rule pass for want of the form it needs: 503, nothing written', async () => {
    // The standard gained a KBLI field between the fetch and the lock, or the form fetched is
    // another case's: a retry fetches it.
    const request = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;
    const terms = { ...TERMS, categories: ['BUSINESS'], kbliFields: ['kbli'] };
    for (const fetched of [undefined, { applicationId: 'another', form: { kbli: '56101' } }]) {
      const fake = ports('VERIFYING', verifying, terms, {
        business: { nib: '9120000000001', kbli: ['56101'] },
      });
      const error = await domainErrorOf(
        transitionCase('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), request, fake, fetched),
      );
      expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(error.params).toMatchObject({ service: 'intake' });
      expect(fake.moved).toEqual([]);
    }
  });

  it('asks no rule of another action', async () => {
    const fake = ports('VERIFYING', verifying, TERMS, {});
    const answer = await transitionCase(
      'DUKCAPIL',
      officer(['VERIFIER']),
      {
        trackingNo: 'K7M39QX2C',
        action: 'REQUEST_REVISION',
        reason: 'Unreadable',
        requirements: ['KK'],
      },
      fake,
    );
    expect(answer.status).toBe('NEEDS_REVISION');
  });

  it('has no deadline for a service the agency states no standard of', async () => {
    const fake = ports('VERIFYING', verifying, null);
    const answer = await transitionCase(
      'DUKCAPIL',
      officer(['VERIFIER']),
      { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' },
      fake,
    );
    expect(answer.status).toBe('IN_REVIEW');
    expect(answer).not.toHaveProperty('deadline');
  });

  it('refuses, changing nothing: the wrong role, an illegal move, a missing reason, an unknown case', async () => {
    const fake = ports('VERIFYING', verifying);
    const approve = { trackingNo: 'K7M39QX2C', action: 'APPROVE' } as const;
    const wrongRole = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['VERIFIER']), approve, fake),
    );
    expect([wrongRole.status, wrongRole.code]).toEqual([403, 'forbidden']);
    const illegal = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['APPROVER']), approve, fake),
    );
    expect([illegal.status, illegal.code, illegal.params]).toEqual([
      409,
      'illegal_transition',
      { status: 'VERIFYING', action: 'APPROVE' },
    ]);
    const noReason = await domainErrorOf(
      transitionCase(
        'DUKCAPIL',
        officer(['APPROVER']),
        { trackingNo: 'K7M39QX2C', action: 'REJECT', reason: '  ' },
        fake,
      ),
    );
    expect([noReason.status, noReason.code, noReason.errors]).toEqual([
      422,
      'unprocessable',
      [{ field: 'reason', code: 'required' }],
    ]);
    const unknown = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['APPROVER']), approve, ports(undefined, [])),
    );
    expect([unknown.status, unknown.code]).toEqual([404, 'application_not_found']);
    expect(fake.moved).toEqual([]);
  });

  it('tells a stranger nothing of which cases exist', async () => {
    const absent = ports(undefined, []);
    const approve = { trackingNo: 'K7M39QX2C', action: 'APPROVE' } as const;
    const stranger = await domainErrorOf(
      transitionCase('DUKCAPIL', officer(['APPROVER'], 'PUPR'), approve, absent),
    );
    expect([stranger.status, stranger.code]).toEqual([403, 'forbidden']);
    const anonymous = await domainErrorOf(
      transitionCase('DUKCAPIL', { kind: 'anonymous', roles: [], scopes: [] }, approve, absent),
    );
    expect([anonymous.status, anonymous.code]).toEqual([401, 'unauthenticated']);
  });

  it('issues the output with the move to ISSUED and tells its number on the timeline', async () => {
    const approved = chainOf(APPLICATION_ID, [
      ['SUBMITTED', 'VERIFYING', 'START_VERIFICATION'],
      ['VERIFYING', 'IN_REVIEW', 'COMPLETE_VERIFICATION'],
      ['IN_REVIEW', 'APPROVED', 'APPROVE'],
    ]);
    const fake = ports('APPROVED', approved);
    const approver = { ...officer(['APPROVER']), clientId: 'officer-web' };
    await transitionCase('DUKCAPIL', approver, { trackingNo: 'K7M39QX2C', action: 'ISSUE' }, fake);
    expect(fake.issued).toEqual([{ record: fake.moved[0].record, issuedBy: 'officer-approver' }]);
    expect(fake.moved[0].change).toMatchObject({
      to: 'ISSUED',
      output: { number: 'DUKCAPIL/2026/000042' },
    });

    const system = ports('APPROVED', approved);
    const agencySystem: Principal = {
      kind: 'client',
      subject: 'client-subject',
      clientId: 'dukcapil-simduk',
      roles: [],
      agency: 'DUKCAPIL',
      scopes: ['agency:DUKCAPIL:work'],
    };
    await transitionCase(
      'DUKCAPIL',
      agencySystem,
      { trackingNo: 'K7M39QX2C', action: 'ISSUE' },
      system,
    );
    expect(system.issued.map(({ issuedBy }) => issuedBy)).toEqual(['dukcapil-simduk']);
  });

  it('issues nothing on any other move', async () => {
    const fake = ports('VERIFYING', verifying);
    await transitionCase(
      'DUKCAPIL',
      officer(['VERIFIER']),
      { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' },
      fake,
    );
    expect(fake.issued).toEqual([]);
    expect(fake.moved[0].change).not.toHaveProperty('output');
  });

  it('never records a time before the last record (a replica whose clock is behind)', async () => {
    const late = chainOf(APPLICATION_ID, [['SUBMITTED', 'VERIFYING', 'START_VERIFICATION']]);
    const fake = { ...ports('VERIFYING', late), now: () => new Date('2026-11-01T00:00:00Z') };
    await transitionCase(
      'DUKCAPIL',
      officer(['VERIFIER']),
      { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' },
      fake,
    );
    expect(Date.parse(fake.moved[0].record.at)).toBe(Date.parse(late[0].at));
  });
});

describe('fetchFacts', () => {
  const found: LockedCase = {
    applicationId: APPLICATION_ID,
    trackingNo: 'K7M39QX2C',
    serviceCode: 'DPMPTSP-NIB',
    status: 'VERIFYING',
    timeZone: 'Asia/Jakarta',
  };
  const BUSINESS_TERMS = { ...TERMS, categories: ['BUSINESS'], kbliFields: ['kbli'] };
  const complete = { trackingNo: 'K7M39QX2C', action: 'COMPLETE_VERIFICATION' } as const;

  function fetchPorts(
    terms: ServiceTerms = BUSINESS_TERMS,
    form: Record<string, string> | null = { kbli: '56101' },
  ) {
    const asked: string[] = [];
    return {
      asked,
      findCase: () => Promise.resolve(found),
      terms: () => Promise.resolve(terms),
      caseForm: (trackingNo: string) => {
        asked.push(trackingNo);
        return Promise.resolve(form ?? undefined);
      },
    };
  }

  it('asks intake for the form of a case completing verification when a rule needs it', async () => {
    const fake = fetchPorts();
    expect(await fetchFacts('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), complete, fake)).toEqual({
      applicationId: APPLICATION_ID,
      form: { kbli: '56101' },
    });
    expect(fake.asked).toEqual(['K7M39QX2C']);
  });

  it('asks nothing when no rule needs the form, or the transition would be refused anyway', async () => {
    const cases: [string, Principal, Parameters<typeof fetchFacts>[2], ServiceTerms][] = [
      // Agencies and services whose rules do not read the form never pay for a request.
      ['DUKCAPIL', officer(['VERIFIER']), complete, BUSINESS_TERMS],
      [
        'DPMPTSP',
        officer(['VERIFIER'], 'DPMPTSP'),
        complete,
        { ...BUSINESS_TERMS, kbliFields: [] },
      ],
      [
        'DPMPTSP',
        officer(['VERIFIER'], 'DPMPTSP'),
        complete,
        { ...BUSINESS_TERMS, categories: [] },
      ],
      // Another action; a caller who may not act; a role that may not complete verification.
      [
        'DPMPTSP',
        officer(['VERIFIER'], 'DPMPTSP'),
        { ...complete, action: 'REQUEST_REVISION', reason: 'x', requirements: ['kbli'] },
        BUSINESS_TERMS,
      ],
      ['DPMPTSP', officer(['VERIFIER'], 'DUKCAPIL'), complete, BUSINESS_TERMS],
      ['DPMPTSP', officer(['APPROVER'], 'DPMPTSP'), complete, BUSINESS_TERMS],
    ];
    for (const [agency, caller, request, terms] of cases) {
      const fake = fetchPorts(terms);
      expect(await fetchFacts(agency, caller, request, fake)).toBeUndefined();
      expect(fake.asked).toEqual([]);
    }
  });

  it('asks nothing of a case the agency does not have, or one not verifying', async () => {
    const gone = { ...fetchPorts(), findCase: () => Promise.resolve(undefined) };
    expect(await fetchFacts('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), complete, gone)).toBe(
      undefined,
    );
    const reviewed = {
      ...fetchPorts(),
      findCase: () => Promise.resolve({ ...found, status: 'IN_REVIEW' as const }),
    };
    expect(
      await fetchFacts('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), complete, reviewed),
    ).toBeUndefined();
  });

  it('takes intake not knowing the application for an inconsistency between the services', async () => {
    const fake = fetchPorts(BUSINESS_TERMS, null);
    await expect(
      fetchFacts('DPMPTSP', officer(['VERIFIER'], 'DPMPTSP'), complete, fake),
    ).rejects.toThrow('intake knows no application K7M39QX2C');
  });
});
