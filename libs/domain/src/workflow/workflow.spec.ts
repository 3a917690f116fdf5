import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  canTransition,
} from '../application-status/application-status';
import {
  ACTION_RULES,
  decideTransition,
  REASON_MAX_LENGTH,
  REVISION_REQUIREMENTS_MAX,
  rolesOfCaller,
  type TransitionInput,
  STATUS_KEEPING_ACTIONS,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowCaller,
} from './workflow';

const AGENCY = 'DUKCAPIL';

const officer = (roles: string[], agency: string | undefined = AGENCY): WorkflowCaller => ({
  kind: 'officer',
  subject: `officer-${roles.join('-').toLowerCase() || 'none'}`,
  roles,
  ...(agency ? { agency } : {}),
  scopes: [],
});

/** Every kind of caller the rules tell apart. */
const CALLERS = {
  anonymous: { kind: 'anonymous', roles: [], scopes: [] },
  applicant: { kind: 'applicant', subject: 'applicant-1', roles: [], scopes: [] },
  frontDesk: officer(['FRONT_DESK']),
  verifier: officer(['VERIFIER']),
  approver: officer(['APPROVER']),
  verifierApprover: officer(['VERIFIER', 'APPROVER']),
  agencyAdmin: officer(['AGENCY_ADMIN']),
  mallAdmin: officer(['MALL_ADMIN'], undefined),
  otherAgencyVerifier: officer(['VERIFIER'], 'DPMPTSP'),
  otherAgencyApprover: officer(['APPROVER'], 'DPMPTSP'),
  agencySystem: {
    kind: 'client',
    subject: 'dukcapil-simduk',
    roles: [],
    agency: AGENCY,
    scopes: ['agency:DUKCAPIL:work', 'applications:read'],
  },
  otherAgencySystem: {
    kind: 'client',
    subject: 'dpmptsp-sicantik',
    roles: [],
    scopes: ['agency:DPMPTSP:work'],
  },
  kiosk: {
    kind: 'client',
    subject: 'kiosk-lobby',
    roles: [],
    scopes: ['applications:submit', 'applications:read'],
  },
  system: { kind: 'system', roles: [], scopes: [] },
} satisfies Record<string, WorkflowCaller>;
type CallerName = keyof typeof CALLERS;

// Who may do what, and the role the history records for them (null: allowed, recorded without
// a role). Written out by hand: the rules in workflow.ts must agree with this table.
const V = 'VERIFIER';
const A = 'APPROVER';
const ALLOWED: Record<WorkflowAction, Partial<Record<CallerName, string | null>>> = {
  START_VERIFICATION: { verifier: V, verifierApprover: V, agencySystem: V, system: null },
  REQUEST_REVISION: { verifier: V, verifierApprover: V, agencySystem: V },
  RESUBMIT: { applicant: null, kiosk: null, system: null },
  COMPLETE_VERIFICATION: { verifier: V, verifierApprover: V, agencySystem: V },
  CONFIRM_PAYMENT: { system: null },
  RENEW_PAYMENT: { verifier: V, verifierApprover: V, agencySystem: V, system: null },
  APPROVE: { approver: A, verifierApprover: A, agencySystem: A },
  REJECT: { approver: A, verifierApprover: A, agencySystem: A },
  ISSUE: { approver: A, verifierApprover: A, agencySystem: A, system: null },
  WITHDRAW: { applicant: null, kiosk: null, system: null },
};

// The statuses each action starts from, by hand.
const FROM: Record<WorkflowAction, readonly ApplicationStatus[]> = {
  START_VERIFICATION: ['SUBMITTED'],
  REQUEST_REVISION: ['VERIFYING'],
  RESUBMIT: ['NEEDS_REVISION'],
  COMPLETE_VERIFICATION: ['VERIFYING'],
  CONFIRM_PAYMENT: ['AWAITING_PAYMENT'],
  RENEW_PAYMENT: ['AWAITING_PAYMENT'],
  APPROVE: ['IN_REVIEW'],
  REJECT: ['SUBMITTED', 'VERIFYING', 'IN_REVIEW'],
  ISSUE: ['APPROVED'],
  WITHDRAW: ['SUBMITTED', 'VERIFYING', 'NEEDS_REVISION', 'AWAITING_PAYMENT', 'IN_REVIEW'],
};

const TO: Record<WorkflowAction, ApplicationStatus> = {
  START_VERIFICATION: 'VERIFYING',
  REQUEST_REVISION: 'NEEDS_REVISION',
  RESUBMIT: 'VERIFYING',
  COMPLETE_VERIFICATION: 'IN_REVIEW',
  CONFIRM_PAYMENT: 'IN_REVIEW',
  RENEW_PAYMENT: 'AWAITING_PAYMENT',
  APPROVE: 'APPROVED',
  REJECT: 'REJECTED',
  ISSUE: 'ISSUED',
  WITHDRAW: 'WITHDRAWN',
};

const SERVICE_REQUIREMENTS = ['KTP', 'KK_LAMA', 'SURAT_PINDAH', 'nik', 'alamat'];

/** What each action needs to be complete. */
const complete = (action: WorkflowAction): TransitionInput => ({
  agencyCode: AGENCY,
  serviceRequirements: SERVICE_REQUIREMENTS,
  feeApplies: false,
  ...(action === 'REJECT' ? { reason: 'Dokumen palsu' } : {}),
  ...(action === 'REQUEST_REVISION'
    ? { reason: 'Foto KTP buram', requirements: ['KTP', 'alamat'] }
    : {}),
});

describe('the transition table', () => {
  it('names every action', () => {
    expect(Object.keys(ACTION_RULES).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  it.each(WORKFLOW_ACTIONS)('%s only makes moves the status vocabulary allows', (action) => {
    const rule = ACTION_RULES[action];
    for (const from of rule.from)
      for (const to of rule.to)
        if (STATUS_KEEPING_ACTIONS.includes(action)) expect(to).toBe(from);
        else expect(canTransition(from, to)).toBe(true);
  });

  it('keeps the status only to renew a payment code', () => {
    expect(STATUS_KEEPING_ACTIONS).toEqual(['RENEW_PAYMENT']);
    expect(ACTION_RULES.RENEW_PAYMENT).toMatchObject({
      from: ['AWAITING_PAYMENT'],
      to: ['AWAITING_PAYMENT'],
    });
  });

  it('gives every move of the vocabulary an action', () => {
    for (const from of APPLICATION_STATUSES)
      for (const to of APPLICATION_STATUSES)
        if (canTransition(from, to))
          expect(
            WORKFLOW_ACTIONS.filter(
              (a) => ACTION_RULES[a].from.includes(from) && ACTION_RULES[a].to.includes(to),
            ),
          ).toHaveLength(1);
  });

  it('lets only an approver approve or reject, and no officer confirm a payment', () => {
    expect(ACTION_RULES.APPROVE.roles).toEqual(['APPROVER']);
    expect(ACTION_RULES.REJECT.roles).toEqual(['APPROVER']);
    expect(ACTION_RULES.CONFIRM_PAYMENT.roles).toEqual([]);
  });
});

const refused = (code: string, status: number, params: object) => ({
  ok: false,
  code,
  status,
  params,
  errors: [],
});

describe('decideTransition, every action from every status by every caller', () => {
  describe.each(WORKFLOW_ACTIONS)('%s', (action) => {
    describe.each(Object.keys(CALLERS) as CallerName[])('by %s', (name) => {
      const caller = CALLERS[name];
      const allowed = Object.hasOwn(ALLOWED[action], name);
      const resource = { resource: `${action} on cases of DUKCAPIL` };

      it.each(APPLICATION_STATUSES)('from %s', (current) => {
        const decision = decideTransition(current, action, caller, complete(action));
        if (name === 'anonymous') {
          expect(decision).toEqual(refused('unauthenticated', 401, resource));
        } else if (!allowed) {
          expect(decision).toEqual(refused('forbidden', 403, resource));
        } else if (!FROM[action].includes(current)) {
          expect(decision).toEqual(refused('illegal_transition', 409, { status: current, action }));
        } else {
          const role = ALLOWED[action][name];
          expect(decision).toEqual({
            ok: true,
            to: TO[action],
            draft: {
              from: current,
              to: TO[action],
              action,
              actor: {
                kind: caller.kind,
                ...('subject' in caller ? { subject: caller.subject } : {}),
                ...(role ? { role } : {}),
              },
              ...(action === 'REJECT' ? { reason: 'Dokumen palsu' } : {}),
              ...(action === 'REQUEST_REVISION'
                ? { reason: 'Foto KTP buram', requirements: ['KTP', 'alamat'] }
                : {}),
            },
          });
        }
      });
    });
  });
});

describe('decideTransition, what comes with an action', () => {
  const verifier = CALLERS.verifier;
  const approver = CALLERS.approver;
  const input = (more: Partial<TransitionInput>): TransitionInput => ({
    agencyCode: AGENCY,
    serviceRequirements: SERVICE_REQUIREMENTS,
    ...more,
  });
  const errorsOf = (decision: ReturnType<typeof decideTransition>) => {
    if (decision.ok || decision.code !== 'unprocessable') throw new Error('not a 422');
    return decision.errors;
  };

  it('completes verification to AWAITING_PAYMENT when a fee applies, to IN_REVIEW when not', () => {
    const paid = decideTransition(
      'VERIFYING',
      'COMPLETE_VERIFICATION',
      verifier,
      input({ feeApplies: true }),
    );
    const free = decideTransition(
      'VERIFYING',
      'COMPLETE_VERIFICATION',
      verifier,
      input({ feeApplies: false }),
    );
    expect(paid).toMatchObject({
      ok: true,
      to: 'AWAITING_PAYMENT',
      draft: { to: 'AWAITING_PAYMENT' },
    });
    expect(free).toMatchObject({ ok: true, to: 'IN_REVIEW', draft: { to: 'IN_REVIEW' } });
  });

  it('refuses to guess whether a fee applies', () => {
    expect(() =>
      decideTransition('VERIFYING', 'COMPLETE_VERIFICATION', verifier, input({})),
    ).toThrow('whether a fee applies');
  });

  it.each(['REJECT', 'REQUEST_REVISION'] as const)('%s needs a reason', (action) => {
    const from = action === 'REJECT' ? 'IN_REVIEW' : 'VERIFYING';
    const by = action === 'REJECT' ? approver : verifier;
    const more = action === 'REQUEST_REVISION' ? { requirements: ['KTP'] } : {};
    for (const reason of [undefined, '', '   ', '\n\t '])
      expect(errorsOf(decideTransition(from, action, by, input({ ...more, reason })))).toEqual([
        { field: 'reason', code: 'required' },
      ]);
  });

  it('keeps a reason trimmed, up to its bound, and refuses a longer one', () => {
    const longest = 'x'.repeat(REASON_MAX_LENGTH);
    const ok = decideTransition(
      'IN_REVIEW',
      'REJECT',
      approver,
      input({ reason: `  ${longest}\n` }),
    );
    expect(ok).toMatchObject({ ok: true, draft: { reason: longest } });
    expect(
      errorsOf(decideTransition('IN_REVIEW', 'REJECT', approver, input({ reason: `${longest}y` }))),
    ).toEqual([{ field: 'reason', code: 'max_length', params: { max: REASON_MAX_LENGTH } }]);
  });

  it('refuses a reason that is not text', () => {
    const reason = 42 as unknown as string;
    expect(errorsOf(decideTransition('IN_REVIEW', 'REJECT', approver, input({ reason })))).toEqual([
      { field: 'reason', code: 'must_be_string' },
    ]);
  });

  it('takes a reason as a note where none is required, bounded the same way', () => {
    expect(
      decideTransition('IN_REVIEW', 'APPROVE', approver, input({ reason: ' Lengkap ' })),
    ).toMatchObject({ ok: true, draft: { reason: 'Lengkap' } });
    const blank = decideTransition('IN_REVIEW', 'APPROVE', approver, input({ reason: '  ' }));
    expect(blank.ok && 'reason' in blank.draft).toBe(false);
    expect(blank).toMatchObject({ ok: true, to: 'APPROVED' });
    expect(
      errorsOf(
        decideTransition('IN_REVIEW', 'APPROVE', approver, input({ reason: 'x'.repeat(1001) })),
      ),
    ).toEqual([{ field: 'reason', code: 'max_length', params: { max: REASON_MAX_LENGTH } }]);
  });

  describe('a revision request names the requirements that are wrong', () => {
    const ask = (requirements: unknown) =>
      decideTransition(
        'VERIFYING',
        'REQUEST_REVISION',
        verifier,
        input({ reason: 'Perbaiki', requirements: requirements as string[] }),
      );

    it('keeps them in the order given', () => {
      expect(ask(['alamat', 'KTP'])).toMatchObject({
        ok: true,
        draft: { requirements: ['alamat', 'KTP'] },
      });
    });

    it('refuses none, or an empty list', () => {
      for (const none of [undefined, []])
        expect(errorsOf(ask(none))).toEqual([{ field: 'requirements', code: 'required' }]);
    });

    it('refuses a key the service does not have, each by its index', () => {
      expect(errorsOf(ask(['KTP', 'PASPOR', 'ktp']))).toEqual([
        { field: 'requirements.1', code: 'unknown_requirement', params: { requirement: 'PASPOR' } },
        { field: 'requirements.2', code: 'unknown_requirement', params: { requirement: 'ktp' } },
      ]);
    });

    it('refuses a key named twice', () => {
      expect(errorsOf(ask(['KTP', 'nik', 'KTP']))).toEqual([
        { field: 'requirements.2', code: 'duplicate' },
      ]);
    });

    it('refuses what is not a list of texts', () => {
      expect(errorsOf(ask('KTP'))).toEqual([{ field: 'requirements', code: 'must_be_array' }]);
      expect(errorsOf(ask(['KTP', 7]))).toEqual([
        { field: 'requirements.1', code: 'must_be_string' },
      ]);
    });

    it('refuses more than it could ever need, without listing each', () => {
      const many = Array.from({ length: REVISION_REQUIREMENTS_MAX + 1 }, (_, i) => `R${i}`);
      expect(errorsOf(ask(many))).toEqual([
        { field: 'requirements', code: 'max_items', params: { max: REVISION_REQUIREMENTS_MAX } },
      ]);
    });

    it('reports a missing reason and missing requirements together', () => {
      expect(
        errorsOf(decideTransition('VERIFYING', 'REQUEST_REVISION', verifier, input({}))),
      ).toEqual([
        { field: 'reason', code: 'required' },
        { field: 'requirements', code: 'required' },
      ]);
    });

    it("needs the service's requirement keys to check them against", () => {
      expect(() =>
        decideTransition('VERIFYING', 'REQUEST_REVISION', verifier, {
          agencyCode: AGENCY,
          reason: 'Perbaiki',
          requirements: ['KTP'],
        }),
      ).toThrow('requirement keys');
    });
  });

  it.each(WORKFLOW_ACTIONS.filter((a) => a !== 'REQUEST_REVISION'))(
    '%s takes no requirements',
    (action) => {
      const name = (Object.keys(ALLOWED[action]) as CallerName[])[0];
      const decision = decideTransition(FROM[action][0], action, CALLERS[name], {
        ...complete(action),
        requirements: ['KTP'],
      });
      expect(errorsOf(decision)).toEqual([{ field: 'requirements', code: 'unknown_field' }]);
    },
  );

  it('answers who may before whether the case allows it, and that before what is missing', () => {
    // A verifier approving a case that is not in review, without anything: 403, not 409.
    expect(decideTransition('VERIFYING', 'APPROVE', verifier, input({}))).toMatchObject({
      status: 403,
    });
    // An approver rejecting an approved case without a reason: 409 naming APPROVED, not 422.
    expect(decideTransition('APPROVED', 'REJECT', approver, input({}))).toMatchObject({
      status: 409,
      params: { status: 'APPROVED' },
    });
  });

  it('refuses a status that is not in the vocabulary as an illegal transition', () => {
    const unknown = 'ARCHIVED' as ApplicationStatus;
    expect(decideTransition(unknown, 'APPROVE', approver, input({}))).toMatchObject({
      status: 409,
      params: { status: 'ARCHIVED' },
    });
  });
});

describe('rolesOfCaller', () => {
  it('gives an officer the roles that move cases, in their own agency only', () => {
    expect(rolesOfCaller(officer(['FRONT_DESK', 'VERIFIER', 'AGENCY_ADMIN']), AGENCY)).toEqual([
      'VERIFIER',
    ]);
    expect(rolesOfCaller(officer(['APPROVER', 'VERIFIER']), AGENCY)).toEqual([
      'APPROVER',
      'VERIFIER',
    ]);
    expect(rolesOfCaller(officer(['APPROVER'], 'DPMPTSP'), AGENCY)).toEqual([]);
    expect(rolesOfCaller(officer(['MALL_ADMIN'], undefined), AGENCY)).toEqual([]);
  });

  it("gives the agency's own system (agency:<CODE>:work) both, and nothing elsewhere", () => {
    expect(rolesOfCaller(CALLERS.agencySystem, AGENCY)).toEqual(['VERIFIER', 'APPROVER']);
    expect(rolesOfCaller(CALLERS.agencySystem, 'DPMPTSP')).toEqual([]);
    expect(rolesOfCaller(CALLERS.kiosk, AGENCY)).toEqual([]);
  });

  it('gives applicants, processes and anonymous callers no officer role', () => {
    for (const name of ['anonymous', 'applicant', 'system'] as const)
      expect(rolesOfCaller(CALLERS[name], AGENCY)).toEqual([]);
  });
});
