import { plannedKeyChanges, type KeyRecord, type RotationPolicy } from './key-rotation';

const MINUTE = 60_000;
const policy: RotationPolicy = {
  rotateAfterMs: 24 * 60 * MINUTE,
  publishAheadMs: 60 * MINUTE,
  retireAfterMs: 20 * MINUTE,
};
const t0 = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

function key(kid: string, state: KeyRecord['state'], fields: Partial<KeyRecord> = {}): KeyRecord {
  return { kid, state, createdAt: t0, activatedAt: null, retiringAt: null, ...fields };
}

describe('plannedKeyChanges', () => {
  it('creates a key that signs at once when there is none (the first start)', () => {
    expect(plannedKeyChanges([], t0, policy)).toEqual([{ change: 'create', state: 'active' }]);
  });

  it('leaves a young signing key alone', () => {
    const keys = [key('a', 'active', { activatedAt: t0 })];
    expect(plannedKeyChanges(keys, after(23 * 60 * MINUTE), policy)).toEqual([]);
  });

  it('publishes a successor once the signing key is old, without letting it sign', () => {
    const keys = [key('a', 'active', { activatedAt: t0 })];
    expect(plannedKeyChanges(keys, after(24 * 60 * MINUTE), policy)).toEqual([
      { change: 'create', state: 'next' },
    ]);
  });

  it('makes only one successor', () => {
    const keys = [
      key('a', 'active', { activatedAt: t0 }),
      key('b', 'next', { createdAt: after(24 * 60 * MINUTE) }),
    ];
    expect(plannedKeyChanges(keys, after(24 * 60 * MINUTE + 59 * MINUTE), policy)).toEqual([]);
  });

  it('lets the successor sign once it has been published long enough; the old key retires', () => {
    const keys = [
      key('a', 'active', { activatedAt: t0 }),
      key('b', 'next', { createdAt: after(24 * 60 * MINUTE) }),
    ];
    expect(plannedKeyChanges(keys, after(25 * 60 * MINUTE), policy)).toEqual([
      { change: 'promote', kid: 'b', demote: 'a' },
    ]);
  });

  it('keeps a retiring key published until its tokens have expired', () => {
    const keys = [
      key('a', 'retiring', { retiringAt: t0 }),
      key('b', 'active', { activatedAt: t0 }),
    ];
    expect(plannedKeyChanges(keys, after(19 * MINUTE), policy)).toEqual([]);
    expect(plannedKeyChanges(keys, after(20 * MINUTE), policy)).toEqual([
      { change: 'retire', kid: 'a' },
    ]);
  });

  it('promotes a waiting successor at once when nothing signs', () => {
    const keys = [key('b', 'next'), key('a', 'retired')];
    expect(plannedKeyChanges(keys, t0, policy)).toEqual([{ change: 'promote', kid: 'b' }]);
  });

  it('ignores retired keys', () => {
    const keys = [key('z', 'retired'), key('b', 'active', { activatedAt: t0 })];
    expect(plannedKeyChanges(keys, after(MINUTE), policy)).toEqual([]);
  });

  it('retires and promotes in one pass', () => {
    const keys = [
      key('a', 'retiring', { retiringAt: t0 }),
      key('b', 'active', { activatedAt: t0 }),
      key('c', 'next', { createdAt: t0 }),
    ];
    expect(plannedKeyChanges(keys, after(60 * MINUTE), policy)).toEqual([
      { change: 'retire', kid: 'a' },
      { change: 'promote', kid: 'c', demote: 'b' },
    ]);
  });
});
