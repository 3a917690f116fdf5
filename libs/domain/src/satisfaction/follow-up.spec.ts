import {
  FOLLOW_UP_STATUSES,
  canMoveFollowUp,
  checkFollowUpChange,
  quarterSet,
  scopeIsOfAgency,
  scopeKey,
  type FollowUpStatus,
} from './follow-up';

describe('follow-up item statuses', () => {
  const allowed: [FollowUpStatus, FollowUpStatus][] = [
    ['PLANNED', 'IN_PROGRESS'],
    ['PLANNED', 'DROPPED'],
    ['IN_PROGRESS', 'DONE'],
    ['IN_PROGRESS', 'DROPPED'],
  ];

  it.each(FOLLOW_UP_STATUSES.flatMap((from) => FOLLOW_UP_STATUSES.map((to) => [from, to])))(
    'from %s to %s is allowed only as the table says',
    (from, to) => {
      const expected = allowed.some(([a, b]) => a === from && b === to);
      expect(canMoveFollowUp(from, to)).toBe(expected);
    },
  );

  it('leaves DONE and DROPPED final', () => {
    for (const to of FOLLOW_UP_STATUSES) {
      expect(canMoveFollowUp('DONE', to)).toBe(false);
      expect(canMoveFollowUp('DROPPED', to)).toBe(false);
    }
  });

  it('refuses a move the table does not allow, and DONE without evidence', () => {
    const none = { links: [] };
    expect(checkFollowUpChange({ status: 'PLANNED' }, { status: 'DONE', evidence: none })).toBe(
      'illegal_transition',
    );
    expect(checkFollowUpChange({ status: 'IN_PROGRESS' }, { status: 'DONE', evidence: none })).toBe(
      'evidence_required',
    );
    expect(
      checkFollowUpChange(
        { status: 'IN_PROGRESS' },
        { status: 'DONE', evidence: { links: ['https://mpp.example.go.id/foto.jpg'] } },
      ),
    ).toBeUndefined();
    expect(
      checkFollowUpChange(
        { status: 'IN_PROGRESS' },
        { status: 'DONE', evidence: { text: 'Loket baru dibuka', links: [] } },
      ),
    ).toBeUndefined();
  });

  it('lets an item keep its status while its other fields change', () => {
    expect(
      checkFollowUpChange({ status: 'PLANNED' }, { status: 'PLANNED', evidence: { links: [] } }),
    ).toBeUndefined();
  });
});

describe('quarters (triwulan)', () => {
  it('keeps a set in calendar order, and refuses an empty or repeating one', () => {
    expect(quarterSet(['IV', 'I'])).toEqual(['I', 'IV']);
    expect(quarterSet([])).toBeUndefined();
    expect(quarterSet(['II', 'II'])).toBeUndefined();
  });
});

describe('scopes', () => {
  it('has one key per scope', () => {
    expect(scopeKey({ kind: 'MALL' })).toBe('MALL');
    expect(scopeKey({ kind: 'AGENCY', agencyCode: 'PUPR' })).toBe('AGENCY:PUPR');
    expect(scopeKey({ kind: 'SERVICE', serviceCode: 'PUPR-PBG' })).toBe('SERVICE:PUPR-PBG');
  });

  it("counts an agency and its own services as the agency's, the mall and others' not", () => {
    expect(scopeIsOfAgency({ kind: 'AGENCY', agencyCode: 'PUPR' }, 'PUPR')).toBe(true);
    expect(scopeIsOfAgency({ kind: 'SERVICE', serviceCode: 'PUPR-PBG' }, 'PUPR')).toBe(true);
    expect(scopeIsOfAgency({ kind: 'SERVICE', serviceCode: 'PUPRX-PBG' }, 'PUPR')).toBe(false);
    expect(scopeIsOfAgency({ kind: 'AGENCY', agencyCode: 'DUKCAPIL' }, 'PUPR')).toBe(false);
    expect(scopeIsOfAgency({ kind: 'MALL' }, 'PUPR')).toBe(false);
  });
});
