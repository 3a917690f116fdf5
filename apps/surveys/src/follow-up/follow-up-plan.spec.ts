import { type DomainError } from '@satupintu/common';
import type { FollowUpItem } from '@satupintu/domain';
import { forumOf, newItemContent, planQueryOf, scopeOf, updatedItem } from './follow-up-plan';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, status: e.status, fields: e.errors.map((f) => `${f.field}:${f.code}`) };
  }
  return undefined;
};

const item: FollowUpItem = {
  id: '3b2c1d0e-0000-4000-8000-000000000001',
  element: 'U3',
  activity: 'Pangkas alur verifikasi',
  plannedQuarters: ['II'],
  responsibleUnit: 'Bidang Pelayanan',
  status: 'IN_PROGRESS',
  evidence: { links: [] },
  version: 2,
};
const planId = '3b2c1d0e-0000-4000-8000-0000000000aa';

describe('a follow-up plan request', () => {
  it('takes a scope whose codes match its kind only', () => {
    expect(scopeOf({ kind: 'MALL' })).toEqual({ kind: 'MALL' });
    expect(scopeOf({ kind: 'SERVICE', serviceCode: 'PUPR-PBG' })).toEqual({
      kind: 'SERVICE',
      serviceCode: 'PUPR-PBG',
    });
    for (const wrong of [
      { kind: 'MALL' as const, agencyCode: 'PUPR' },
      { kind: 'AGENCY' as const },
      { kind: 'SERVICE' as const, serviceCode: 'PUPR-PBG', agencyCode: 'PUPR' },
    ])
      expect(refusal(() => scopeOf(wrong))).toEqual({
        code: 'validation_failed',
        status: 400,
        fields: ['scope:scope_codes'],
      });
  });

  it('keeps the quarters as a set in calendar order and starts an item PLANNED', () => {
    const content = newItemContent({
      planId,
      element: 'U8',
      activity: 'Kotak pengaduan daring',
      plannedQuarters: ['III', 'I'],
      responsibleUnit: 'Sekretariat',
    });
    expect(content).toEqual({
      element: 'U8',
      activity: 'Kotak pengaduan daring',
      plannedQuarters: ['I', 'III'],
      responsibleUnit: 'Sekretariat',
      status: 'PLANNED',
      evidence: { links: [] },
    });
    expect(
      refusal(() => newItemContent({ ...content, planId, plannedQuarters: ['I', 'I'] }))?.fields,
    ).toEqual(['plannedQuarters:quarter_repeated']);
  });

  it('refuses an update made on a stale read, naming both versions', () => {
    const error = (() => {
      try {
        updatedItem(item, { planId, itemId: item.id, version: 1, status: 'DONE' });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toMatchObject({ code: 'version_conflict', status: 409 });
    expect(error?.params).toEqual({ expected: 1, current: 2 });
  });

  it('moves the status as the domain allows, DONE only with evidence, and counts the version', () => {
    expect(
      refusal(() => updatedItem(item, { planId, itemId: item.id, version: 2, status: 'PLANNED' })),
    ).toMatchObject({ code: 'follow_up_transition_refused', status: 409 });
    expect(
      refusal(() => updatedItem(item, { planId, itemId: item.id, version: 2, status: 'DONE' })),
    ).toEqual({ code: 'unprocessable', status: 422, fields: ['evidence:evidence_required'] });
    const done = updatedItem(item, {
      planId,
      itemId: item.id,
      version: 2,
      status: 'DONE',
      evidence: { text: 'SOP baru berlaku 1 Mei', links: ['https://mpp.example.go.id/sop.pdf'] },
    });
    expect(done).toMatchObject({ status: 'DONE', version: 3, activity: item.activity });
  });

  it('refuses a forum dated on a day that does not exist', () => {
    expect(
      refusal(() => forumOf({ date: '2026-02-30', participants: [{ name: 'A' }], minutes: 'x' }))
        ?.fields,
    ).toEqual(['date:must_be_date']);
    expect(
      forumOf({ date: '2026-02-28', participants: [{ name: 'A', affiliation: '' }], minutes: 'x' }),
    ).toEqual({ date: '2026-02-28', participants: [{ name: 'A' }], minutes: 'x' });
  });

  it('refuses a cursor the list did not make and a period that is none', () => {
    expect(refusal(() => planQueryOf({ limit: 5, cursor: 'bm9wZQ' }, undefined))).toMatchObject({
      code: 'invalid_cursor',
    });
    expect(refusal(() => planQueryOf({ limit: 5, period: '2026-S3' }, undefined))?.fields).toEqual([
      'period:must_be_period',
    ]);
    expect(planQueryOf({ limit: 5, period: '2026-S2' }, 'PUPR')).toEqual({
      agencyCode: 'PUPR',
      period: '2026-S2',
      limit: 6,
    });
  });
});
