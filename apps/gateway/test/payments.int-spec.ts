import type { Principal } from '@satupintu/contracts';
import { isValidPaymentCode, signPaymentCallback } from '@satupintu/domain';
import {
  callGateway,
  ServiceProcess,
  TestTokenIssuer,
  anApplicant,
  anOfficer,
  eventually,
  queryServiceDb,
} from '@satupintu/testing';

type Answer = {
  status?: number | string;
  code?: string;
  detail?: string;
  errors?: { field: string; code: string }[];
} & Record<string, unknown>;
type Application = { applicationId: string; trackingNo: string };
type Payment = { code: string; amount: number; currency: string; expiresAt: string };

const AGENCY = 'PUPR';
const SECRET = 'the-secret-shared-with-the-bank-in-this-test';
const ASSESSED = 1_250_000;

/**
 * Fees across the real gateway, intake and agency (ADR 0022): PUPR's building permit (PBG)
 * charges a retribusi assessed per case, so its verifier completes verification with the
 * amount and the case awaits payment under a payment code. The bank's callbacks are signed over
 * the raw body: a forged one, a stale one, a wrong amount, a second payment and a late one are
 * refused and recorded; the genuine one moves the case to review once, and told again changes
 * nothing.
 */
describe('fees: payment codes and payment callbacks', () => {
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let issuer: TestTokenIssuer;
  const siti = anApplicant();
  const verifier = anOfficer(AGENCY, ['VERIFIER']);
  const auth = new Map<Principal, string>();

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    for (const principal of [siti, verifier])
      auth.set(
        principal,
        (await issuer.authorization(principal, { expiresInSeconds: 3600 })).authorization,
      );
    services = await Promise.all([
      ServiceProcess.start('intake', { DEMO_SEED: 'true' }),
      ServiceProcess.start('gateway'),
      ServiceProcess.start('agency', {
        AGENCY_CODE: AGENCY,
        DEMO_SEED: 'true',
        PAYMENT_CALLBACK_SECRETS: `an-old-secret-being-rotated,${SECRET}`,
      }),
      ServiceProcess.start('tracking'),
    ]);
    gateway = services[1];
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        "SELECT 1 FROM service_standards WHERE code = 'PUPR-PBG'",
      );
      expect(rows).toHaveLength(1);
    });
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await issuer.stop();
  });

  const call = (who: Principal, method: string, path: string, body?: unknown) =>
    callGateway<Answer>(gateway.url, auth.get(who)!, method, path, body);

  async function sitiApplies(): Promise<Application> {
    const { status, body } = await call(siti, 'POST', '/v1/applications', {
      serviceCode: 'PUPR-PBG',
    });
    expect(status).toBe(201);
    const application = body as unknown as Application;
    await eventually(async () => {
      const rows = await queryServiceDb(
        ['agency', AGENCY],
        'SELECT 1 FROM cases WHERE application_id = $1',
        [application.applicationId],
      );
      expect(rows).toHaveLength(1);
    });
    return application;
  }

  const completeVerification = (application: Application, amount?: number) =>
    call(verifier, 'POST', `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`, {
      action: 'COMPLETE_VERIFICATION',
      ...(amount === undefined ? {} : { amount }),
    });

  async function awaitingPayment(application: Application): Promise<Payment> {
    const moved = await completeVerification(application, ASSESSED);
    expect(moved.status).toBe(200);
    return moved.body.payment as Payment;
  }

  /** A callback as a bank sends it: the exact text it signed, and its headers. */
  async function callback(rawBody: string, headers: Record<string, string>) {
    const response = await fetch(`${gateway.url}/v1/agencies/${AGENCY}/payments/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
      body: rawBody,
    });
    return { status: response.status, body: (await response.json()) as Answer };
  }

  function signed(rawBody: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)) {
    return {
      'payment-timestamp': String(timestamp),
      'payment-signature': signPaymentCallback(secret, timestamp, rawBody),
    };
  }

  /** Spaced and ordered as no serializer would: the signature holds only over the raw bytes. */
  const reportOf = (code: string, amount: number, reference: string) =>
    `{ "reference" : "${reference}",\n  "amount": ${amount}, "paymentCode":"${code}",` +
    ` "paidAt": "${new Date().toISOString()}" }`;

  /** Intake follows the agency's status events (with their `payment`): they pass its checks. */
  async function intakeSees(application: Application, status: string): Promise<void> {
    await eventually(async () => {
      const [row] = await queryServiceDb<{ status: string }>(
        ['intake'],
        'SELECT status FROM applications WHERE id = $1',
        [application.applicationId],
      );
      expect(row.status).toBe(status);
    });
  }

  const history = (application: Application) =>
    queryServiceDb<{ action: string; to_status: string; actor_kind: string; reason: string }>(
      ['agency', AGENCY],
      `SELECT action, to_status, actor_kind, reason FROM case_history
        WHERE application_id = $1 ORDER BY sequence`,
      [application.applicationId],
    );

  /** The callbacks recorded after `since` (other suites of the run pay this agency too). */
  const callbacks = (since: number) =>
    queryServiceDb<{ outcome: string; reason: string | null; signature_ok: boolean }>(
      ['agency', AGENCY],
      'SELECT outcome, reason, signature_ok FROM payment_callbacks WHERE id > $1 ORDER BY id',
      [since],
    );
  const lastCallback = async () =>
    Number(
      (
        await queryServiceDb<{ id: string | null }>(
          ['agency', AGENCY],
          'SELECT max(id)::text AS id FROM payment_callbacks',
        )
      )[0].id ?? 0,
    );

  it('asks for the assessed fee, refuses what is not the payment, and applies the genuine one once', async () => {
    const since = await lastCallback();
    const application = await sitiApplies();

    // The fee is assessed per case: the verifier must say how much.
    const noAmount = await completeVerification(application);
    expect(noAmount.status).toBe(422);
    expect(noAmount.body.errors).toMatchObject([{ field: 'amount', code: 'required' }]);

    const moved = await completeVerification(application, ASSESSED);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'AWAITING_PAYMENT', paused: true });
    const payment = moved.body.payment as Payment;
    expect(payment).toEqual({
      code: expect.stringMatching(/^8808\d{14}$/) as string,
      amount: ASSESSED,
      currency: 'IDR',
      expiresAt: expect.stringMatching(/\+07:00$/) as string,
    });
    expect(isValidPaymentCode(payment.code)).toBe(true);
    await intakeSees(application, 'AWAITING_PAYMENT');
    // The applicant's timeline says how to pay.
    await eventually(async () => {
      const timeline = await call(
        siti,
        'GET',
        `/v1/applications/${application.trackingNo}/timeline`,
      );
      expect(timeline.status).toBe(200);
      expect(timeline.body.entries).toContainEqual(
        expect.objectContaining({ status: 'AWAITING_PAYMENT', payment }),
      );
    });
    // 72 hours by default.
    expect(Date.parse(payment.expiresAt) - Date.parse(moved.body.changedAt as string)).toBe(
      72 * 3_600_000,
    );
    const [due] = await queryServiceDb<{ amount: string; paid_reference: string | null }>(
      ['agency', AGENCY],
      'SELECT amount, paid_reference FROM payments_due WHERE application_id = $1',
      [application.applicationId],
    );
    expect(due).toEqual({ amount: String(ASSESSED), paid_reference: null });

    const genuine = reportOf(payment.code, ASSESSED, 'BNI-20261124-000123');

    const forged = await callback(genuine, signed(genuine, 'a-secret-the-bank-never-had'));
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({
      code: 'payment_callback_unverified',
      detail: expect.stringContaining('(bad_signature)') as string,
    });

    const unsigned = await callback(genuine, {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.detail).toContain('(signature_missing)');

    const stale = await callback(
      genuine,
      signed(genuine, SECRET, Math.floor(Date.now() / 1000) - 600),
    );
    expect(stale.status).toBe(401);
    expect(stale.body.detail).toContain('(stale_timestamp)');

    const short = reportOf(payment.code, ASSESSED - 1000, 'BNI-20261124-000122');
    const wrongAmount = await callback(short, signed(short));
    expect(wrongAmount.status).toBe(422);
    expect(wrongAmount.body).toMatchObject({
      code: 'payment_amount_mismatch',
      detail: `Payment code ${payment.code} asks for Rp ${ASSESSED}, not Rp ${ASSESSED - 1000}; the callback was recorded.`,
    });
    expect((await history(application)).at(-1)!.to_status).toBe('AWAITING_PAYMENT');

    const headers = signed(genuine);
    const applied = await callback(genuine, headers);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ outcome: 'applied', paymentCode: payment.code });
    const after = await history(application);
    expect(after.at(-1)).toEqual({
      action: 'CONFIRM_PAYMENT',
      to_status: 'IN_REVIEW',
      actor_kind: 'system',
      reason: 'Paid, bank reference BNI-20261124-000123',
    });
    const [caseRow] = await queryServiceDb<{ status: string }>(
      ['agency', AGENCY],
      'SELECT status FROM cases WHERE application_id = $1',
      [application.applicationId],
    );
    expect(caseRow.status).toBe('IN_REVIEW');
    await intakeSees(application, 'IN_REVIEW');

    // The bank retries: acknowledged, nothing changes.
    const repeated = await callback(genuine, headers);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual({ outcome: 'repeat', paymentCode: payment.code });
    expect(await history(application)).toHaveLength(after.length);

    const second = reportOf(payment.code, ASSESSED, 'BRI-20261124-000999');
    const paidTwice = await callback(second, signed(second));
    expect(paidTwice.status).toBe(409);
    expect(paidTwice.body.code).toBe('payment_already_paid');
    expect(await history(application)).toHaveLength(after.length);

    const [paid] = await queryServiceDb<{ paid_reference: string; paid_amount: string }>(
      ['agency', AGENCY],
      'SELECT paid_reference, paid_amount FROM payments_due WHERE application_id = $1',
      [application.applicationId],
    );
    expect(paid).toEqual({
      paid_reference: 'BNI-20261124-000123',
      paid_amount: String(ASSESSED),
    });

    // A second case whose code has expired: paid too late, refused.
    const late = await sitiApplies();
    const latePayment = await awaitingPayment(late);
    expect(latePayment.code).not.toBe(payment.code);
    await queryServiceDb(
      ['agency', AGENCY],
      "UPDATE payments_due SET expires_at = now() - interval '1 hour' WHERE application_id = $1",
      [late.applicationId],
    );
    const tooLate = reportOf(latePayment.code, ASSESSED, 'MANDIRI-20261124-7');
    const expired = await callback(tooLate, signed(tooLate));
    expect(expired.status).toBe(422);
    expect(expired.body.code).toBe('payment_expired');
    expect((await history(late)).at(-1)!.to_status).toBe('AWAITING_PAYMENT');

    const unknownCode = reportOf('880800000000000007', ASSESSED, 'BCA-1');
    expect((await callback(unknownCode, signed(unknownCode))).status).toBe(404);

    // Every callback is recorded, refused ones too.
    expect(await callbacks(since)).toEqual([
      { outcome: 'refused', reason: 'bad_signature', signature_ok: false },
      { outcome: 'refused', reason: 'signature_missing', signature_ok: false },
      { outcome: 'refused', reason: 'stale_timestamp', signature_ok: true },
      { outcome: 'refused', reason: 'amount_mismatch', signature_ok: true },
      { outcome: 'applied', reason: null, signature_ok: true },
      { outcome: 'repeat', reason: null, signature_ok: true },
      { outcome: 'refused', reason: 'already_paid', signature_ok: true },
      { outcome: 'refused', reason: 'payment_expired', signature_ok: true },
      { outcome: 'refused', reason: 'unknown_payment_code', signature_ok: true },
    ]);
  });

  it('gives a case whose code expired unpaid a new code: the old one stays refused, the new one pays', async () => {
    const application = await sitiApplies();
    const first = await awaitingPayment(application);
    const renew = (body: Record<string, unknown> = {}) =>
      call(verifier, 'POST', `/v1/agencies/${AGENCY}/cases/${application.trackingNo}/transitions`, {
        action: 'RENEW_PAYMENT',
        ...body,
      });

    // A code still valid is not replaced: the applicant may be paying it now.
    const early = await renew();
    expect([early.status, early.body.code]).toEqual([409, 'payment_not_expired']);
    expect(early.body.detail).toContain(first.code);

    // Its time runs out unpaid (moved in the agency's database: no waiting in a test).
    await queryServiceDb(
      ['agency', AGENCY],
      "UPDATE payments_due SET expires_at = now() - interval '1 minute' WHERE payment_code = $1",
      [first.code],
    );
    // A renewal assesses nothing: the amount stands.
    const withAmount = await renew({ amount: ASSESSED + 1 });
    expect(withAmount.status).toBe(422);
    const renewed = await renew({ reason: 'The applicant asked at the counter for a new code' });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ status: 'AWAITING_PAYMENT', sequence: 3, paused: true });
    const second = renewed.body.payment as Payment;
    expect(second.code).not.toBe(first.code);
    expect(isValidPaymentCode(second.code)).toBe(true);
    expect(second.amount).toBe(ASSESSED);
    expect(Date.parse(second.expiresAt) - Date.parse(renewed.body.changedAt as string)).toBe(
      72 * 3_600_000,
    );
    expect((await history(application)).map((r) => [r.action, r.to_status])).toEqual([
      ['START_VERIFICATION', 'VERIFYING'],
      ['COMPLETE_VERIFICATION', 'AWAITING_PAYMENT'],
      ['RENEW_PAYMENT', 'AWAITING_PAYMENT'],
    ]);
    // The applicant's timeline shows the new code after the old one.
    await eventually(async () => {
      const timeline = await call(
        siti,
        'GET',
        `/v1/applications/${application.trackingNo}/timeline`,
      );
      const payments = (timeline.body.entries as { payment?: Payment }[]).flatMap((entry) =>
        entry.payment ? [entry.payment.code] : [],
      );
      expect(payments).toEqual([first.code, second.code]);
    });

    const before = await lastCallback();
    // The old code paid now: refused as expired, as before the renewal.
    const old = reportOf(first.code, ASSESSED, 'BRI-20261124-0009');
    const refused = await callback(old, signed(old));
    expect([refused.status, refused.body.code]).toEqual([422, 'payment_expired']);
    // The new one pays, and the case goes on to review once.
    const genuine = reportOf(second.code, ASSESSED, 'BRI-20261124-0010');
    expect((await callback(genuine, signed(genuine))).status).toBe(200);
    expect((await callback(genuine, signed(genuine))).status).toBe(200);
    expect((await history(application)).map((r) => r.action)).toEqual([
      'START_VERIFICATION',
      'COMPLETE_VERIFICATION',
      'RENEW_PAYMENT',
      'CONFIRM_PAYMENT',
    ]);
    await intakeSees(application, 'IN_REVIEW');
    expect(await callbacks(before)).toEqual([
      { outcome: 'refused', reason: 'payment_expired', signature_ok: true },
      { outcome: 'applied', reason: null, signature_ok: true },
      { outcome: 'repeat', reason: null, signature_ok: true },
    ]);
    // Once in review, there is no code to renew.
    expect((await renew()).body.code).toBe('illegal_transition');
  });

  it('refuses a malformed genuine body (recorded) and a body that is not JSON text', async () => {
    const before = await lastCallback();
    const malformed = '{"paymentCode":"12","amount":"lots"}';
    const answer = await callback(malformed, signed(malformed));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject([
      { field: 'paymentCode', code: 'invalid' },
      { field: 'amount', code: 'must_be_integer_between' },
      { field: 'paidAt', code: 'invalid' },
      { field: 'reference', code: 'required' },
    ]);
    expect(await callbacks(before)).toEqual([
      { outcome: 'refused', reason: 'malformed_body', signature_ok: true },
    ]);
    const text = await fetch(`${gateway.url}/v1/agencies/${AGENCY}/payments/callback`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'paid',
    });
    expect(text.status).toBe(415);
    // Other routes still parse JSON as before.
    const bad = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      headers: { authorization: auth.get(siti)!, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Answer).code).toBe('malformed_json');
  });
});
