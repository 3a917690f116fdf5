import { type ConsumerCounts, type Found, handledTwice, judgeWalks } from './audit';
import { WALK_STEPS, type Walk, type WalkStep } from './walks';

describe('handledTwice', () => {
  const counts = (entries: [string, number, number][]): ConsumerCounts =>
    new Map(entries.map(([key, handled, inbox]) => [key, { handled, inbox }]));

  it('is nothing when every handled event got its inbox row', () => {
    const before = counts([['db/tracking-submitted', 10, 10]]);
    const after = counts([['db/tracking-submitted', 50, 50]]);
    expect(handledTwice(before, after)).toEqual({ events: 0, reasons: [] });
  });

  it('counts the events handled beyond the new inbox rows, per consumer', () => {
    const before = counts([
      ['db/agency-pupr', 10, 10],
      ['db/tracking-submitted', 5, 5],
    ]);
    const after = counts([
      ['db/agency-pupr', 23, 20],
      ['db/tracking-submitted', 6, 6],
    ]);
    expect(handledTwice(before, after)).toEqual({
      events: 3,
      reasons: ['db/agency-pupr handled 3 events beyond its new inbox rows'],
    });
  });

  it('counts a consumer that appeared in between from zero', () => {
    expect(handledTwice(counts([]), counts([['db/new', 4, 3]])).events).toBe(1);
  });
});

describe('judgeWalks', () => {
  const walk = (id: string, acknowledged: WalkStep[]): Walk => ({
    applicationId: id,
    trackingNo: id.toUpperCase(),
    startedAt: 0,
    steps: acknowledged.map((step) => ({ step, answer: 200, attempts: 1, acknowledged: true })),
  });
  const found = (id: string, what: string, n = 1): Found => ({ id, what, n });
  const complete = (id: string) => ({
    history: ['COMPLETE_VERIFICATION', 'CONFIRM_PAYMENT', 'APPROVE', 'ISSUE'].map((a) =>
      found(id, a),
    ),
    timeline: ['AWAITING_PAYMENT', 'IN_REVIEW', 'APPROVED', 'ISSUED'].map((s) => found(id, s)),
    outputs: [found(id, 'OUTPUT')],
    views: [found(id, 'FOLDED', 5), found(id, 'RECORDED', 5)],
    notices: [found(id, 'AWAITING_PAYMENT'), found(id, 'ISSUED')],
  });

  it('finds nothing wrong with a walk whose every step left its mark once', () => {
    expect(judgeWalks([walk('a', [...WALK_STEPS])], complete('a'))).toEqual({
      lost: 0,
      twice: 0,
      reasons: [],
    });
  });

  it('counts an acknowledged step without its record, entry or output as lost', () => {
    const marks = complete('a');
    const result = judgeWalks([walk('a', [...WALK_STEPS])], {
      history: marks.history.filter((row) => row.what !== 'APPROVE'),
      timeline: marks.timeline.filter((row) => row.what !== 'ISSUED'),
      outputs: [],
      views: marks.views,
      notices: marks.notices,
    });
    expect(result.lost).toBe(1);
    expect(result.reasons).toEqual([
      'walks: APPROVE acknowledged, no APPROVE record: 1',
      'walks: ISSUE acknowledged, no ISSUED timeline entry: 1',
      'walks: ISSUE acknowledged, no output: 1',
    ]);
  });

  it('does not ask for what a step that was never acknowledged would have left', () => {
    const marks = complete('a');
    const result = judgeWalks([walk('a', ['COMPLETE_VERIFICATION'])], {
      history: marks.history.slice(0, 1),
      timeline: marks.timeline.slice(0, 1),
      outputs: [],
      views: marks.views,
      notices: marks.notices.slice(0, 1),
    });
    expect(result).toEqual({ lost: 0, twice: 0, reasons: [] });
  });

  it('counts an action recorded twice, or a status shown twice, as processed twice', () => {
    const marks = complete('a');
    const result = judgeWalks([walk('a', [...WALK_STEPS]), walk('b', [])], {
      history: [...marks.history.filter((row) => row.what !== 'APPROVE'), found('a', 'APPROVE', 2)],
      timeline: [...marks.timeline, found('b', 'AWAITING_PAYMENT', 2)],
      outputs: marks.outputs,
      views: marks.views,
      notices: marks.notices,
    });
    expect(result.twice).toBe(2);
    expect(result.reasons).toEqual([
      'walks: APPROVE recorded more than once: 1',
      'walks: AWAITING_PAYMENT timeline entry more than once: 1',
    ]);
  });

  it('counts a case whose read-model row is missing or behind its timeline entries as lost', () => {
    const a = complete('a');
    const b = complete('b');
    const result = judgeWalks([walk('a', [...WALK_STEPS]), walk('b', [...WALK_STEPS])], {
      history: [...a.history, ...b.history],
      timeline: [...a.timeline, ...b.timeline],
      outputs: [...a.outputs, ...b.outputs],
      views: [found('a', 'RECORDED', 5), found('b', 'FOLDED', 3), found('b', 'RECORDED', 5)],
      notices: [...a.notices, ...b.notices],
    });
    expect(result.lost).toBe(2);
    expect(result.reasons).toEqual([
      'walks: no read-model row: 1',
      'walks: read model behind its timeline entries: 1',
    ]);
  });

  it('counts an acknowledged step whose applicant was not told as lost, and told twice as twice', () => {
    const a = complete('a');
    const b = complete('b');
    const result = judgeWalks([walk('a', [...WALK_STEPS]), walk('b', [...WALK_STEPS])], {
      history: [...a.history, ...b.history],
      timeline: [...a.timeline, ...b.timeline],
      outputs: [...a.outputs, ...b.outputs],
      views: [...a.views, ...b.views],
      notices: [
        found('a', 'AWAITING_PAYMENT'),
        found('b', 'AWAITING_PAYMENT'),
        found('b', 'ISSUED', 2),
      ],
    });
    expect(result).toEqual({
      lost: 1,
      twice: 1,
      reasons: [
        'walks: ISSUE acknowledged, applicant not told ISSUED: 1',
        'walks: applicant told ISSUED more than once: 1',
      ],
    });
  });
});
