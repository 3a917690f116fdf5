import type { ApplicationStatusChangedV1, CaseDeadlineAlertV1 } from '@satupintu/contracts';
import {
  TELL_WITHIN_MS,
  caseUpdateText,
  deadlineAlertUpdate,
  statusChangeUpdate,
  updateContact,
  worthTelling,
} from './case-update';

const change = (over: Partial<ApplicationStatusChangedV1>): ApplicationStatusChangedV1 => ({
  applicationId: '0b6f3c1e-5a2d-4c8e-9f1a-2b3c4d5e6f70',
  trackingNo: 'PBG7K2M9X',
  agencyCode: 'PUPR',
  agencyTimeZone: 'Asia/Jakarta',
  from: 'VERIFYING',
  to: 'IN_REVIEW',
  changedAt: '2026-12-03T10:00:00+07:00',
  sequence: 2,
  ...over,
});

const payment = {
  code: '880812345678901234',
  amount: 1_250_000,
  currency: 'IDR' as const,
  expiresAt: '2026-12-06T10:00:00+07:00',
};

describe('which changes an applicant is told of', () => {
  it('tells revision requests, fees due, issues and rejections, keyed by the sequence', () => {
    for (const to of ['NEEDS_REVISION', 'AWAITING_PAYMENT', 'ISSUED', 'REJECTED'] as const)
      expect(statusChangeUpdate(change({ to }), 'event-1')).toMatchObject({
        kind: to,
        changeKey: 'status:2',
        trackingNo: 'PBG7K2M9X',
        occurredAt: new Date('2026-12-03T03:00:00Z'),
      });
  });

  it('does not tell what asks nothing of the applicant', () => {
    for (const to of ['VERIFYING', 'IN_REVIEW', 'APPROVED', 'SUBMITTED'] as const)
      expect(statusChangeUpdate(change({ to }), 'event-1')).toBeUndefined();
  });

  it('keys a change from before agencies numbered them by its event id', () => {
    const update = statusChangeUpdate(change({ to: 'REJECTED', sequence: undefined }), 'event-9');
    expect(update?.changeKey).toBe('status:event-9');
  });

  it('carries the fee of a payment due and the reason of a revision, only the contract fields', () => {
    const due = statusChangeUpdate(
      change({ to: 'AWAITING_PAYMENT', payment: { ...payment, extra: 1 } as typeof payment }),
      'e',
    );
    expect(due?.details).toEqual({ payment });
    const back = statusChangeUpdate(change({ to: 'NEEDS_REVISION', reason: 'Scan blur' }), 'e');
    expect(back?.details).toEqual({ reason: 'Scan blur' });
  });

  it('tells an overdue case once per deadline, and never an at-risk one', () => {
    const alert: CaseDeadlineAlertV1 = {
      kind: 'OVERDUE',
      applicationId: '0b6f3c1e-5a2d-4c8e-9f1a-2b3c4d5e6f70',
      trackingNo: 'PBG7K2M9X',
      agencyCode: 'PUPR',
      deadline: '2026-12-10T23:59:59+07:00',
      raisedAt: '2026-12-11T00:00:05+07:00',
    };
    expect(deadlineAlertUpdate(alert)).toMatchObject({
      kind: 'OVERDUE',
      changeKey: 'overdue:2026-12-10T16:59:59.000Z',
      details: { deadline: alert.deadline },
    });
    expect(deadlineAlertUpdate({ ...alert, kind: 'AT_RISK' })).toBeUndefined();
  });

  it('does not tell a change learnt of long after it happened (a replayed history)', () => {
    const update = statusChangeUpdate(change({ to: 'ISSUED' }), 'e')!;
    const at = update.occurredAt.getTime();
    expect(worthTelling(update, new Date(at + TELL_WITHIN_MS))).toBe(true);
    expect(worthTelling(update, new Date(at + TELL_WITHIN_MS + 1))).toBe(false);
  });
});

describe('where an update goes', () => {
  const verified = new Date('2026-12-01T00:00:00Z');
  it('prefers a verified phone, then a verified e-mail, then any contact', () => {
    const both = { phone: '+6281234567890', email: 'a@b.id' };
    expect(updateContact({ ...both, phoneVerifiedAt: verified })).toEqual({
      channel: 'PHONE',
      target: both.phone,
    });
    expect(updateContact({ ...both, emailVerifiedAt: verified })).toEqual({
      channel: 'EMAIL',
      target: both.email,
    });
    expect(updateContact(both)).toEqual({ channel: 'PHONE', target: both.phone });
    expect(updateContact({ email: 'a@b.id' })).toEqual({ channel: 'EMAIL', target: 'a@b.id' });
    expect(updateContact({})).toBeUndefined();
  });
});

describe('what an update says', () => {
  const update = (kind: 'AWAITING_PAYMENT' | 'NEEDS_REVISION' | 'OVERDUE') => ({
    kind,
    trackingNo: 'PBG7K2M9X',
    agencyTimeZone: 'Asia/Jakarta',
    details: { payment, reason: 'Scan blur', deadline: '2026-12-10T23:59:00+07:00' },
  });

  it('states the fee, its code and its expiry in the agency time, in Indonesian or English', () => {
    const id = caseUpdateText(update('AWAITING_PAYMENT'), 'id');
    expect(id.subject).toBe('Bayar retribusi permohonan PBG7K2M9X');
    expect(id.text).toContain('Rp 1.250.000 dengan kode bayar 880812345678901234');
    expect(id.text).toContain('6 Desember 2026');
    expect(id.text).toContain('10.00');
    const en = caseUpdateText(update('AWAITING_PAYMENT'), 'en');
    expect(en.subject).toBe('Pay the fee for application PBG7K2M9X');
    expect(en.text).toContain('Rp 1,250,000 with payment code 880812345678901234');
    expect(en.text).toContain('6 December 2026');
  });

  it('passes on the reason for a revision, and the deadline a case missed', () => {
    expect(caseUpdateText(update('NEEDS_REVISION'), 'id').text).toContain(
      'memperbaiki permohonan PBG7K2M9X: Scan blur',
    );
    expect(caseUpdateText(update('NEEDS_REVISION'), 'en').text).toContain(
      'correct application PBG7K2M9X: Scan blur',
    );
    expect(caseUpdateText(update('OVERDUE'), 'en').text).toContain('10 December 2026');
  });

  it('has a subject and a text for every kind in both languages', () => {
    for (const kind of [
      'NEEDS_REVISION',
      'AWAITING_PAYMENT',
      'ISSUED',
      'REJECTED',
      'OVERDUE',
    ] as const)
      for (const language of ['id', 'en'] as const) {
        const { subject, text } = caseUpdateText({ ...update('OVERDUE'), kind }, language);
        expect(subject).toContain('PBG7K2M9X');
        expect(text).toContain('PBG7K2M9X');
      }
  });
});
