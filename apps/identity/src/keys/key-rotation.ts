import { ACCESS_TOKEN_TTL_SECONDS } from '@satupintu/contracts';

/**
 * A signing key's life (ADR 0011): `next` (published in the JWKS, signs nothing yet), `active`
 * (the one key that signs), `retiring` (signs nothing, still published while tokens it signed
 * may be valid), `retired` (no longer published).
 */
export type KeyState = 'next' | 'active' | 'retiring' | 'retired';

export interface KeyRecord {
  kid: string;
  state: KeyState;
  createdAt: Date;
  activatedAt: Date | null;
  retiringAt: Date | null;
}

export interface RotationPolicy {
  /** How long a key signs before a successor is made. */
  rotateAfterMs: number;
  /** How long a successor is published before it signs: longer than any JWKS cache. */
  publishAheadMs: number;
  /** How long a retiring key stays published: the tokens' lifetime and a margin. */
  retireAfterMs: number;
}

const MINUTE = 60_000;

export const ROTATION_POLICY: RotationPolicy = {
  rotateAfterMs: 30 * 24 * 60 * MINUTE,
  publishAheadMs: 60 * MINUTE,
  // Clock skew between identity and the gateways, and a token signed just before the switch.
  retireAfterMs: ACCESS_TOKEN_TTL_SECONDS * 1000 + 5 * MINUTE,
};

export type KeyChange =
  | { change: 'create'; state: 'active' | 'next' }
  | { change: 'promote'; kid: string; demote?: string }
  | { change: 'retire'; kid: string };

/**
 * What to do to the keys now, in order. Pure: the caller applies the changes in one transaction
 * that holds a lock all instances take, so two replicas never both decide.
 *
 * - No key signs: promote the successor if there is one (nothing can have waited on it), or
 *   create a key that signs at once (the first start; no token exists yet).
 * - The signing key is older than `rotateAfterMs` and has no successor: create one (`next`).
 * - The successor has been published `publishAheadMs`: it signs, the old key is retiring.
 * - A key retiring for `retireAfterMs`: retired.
 */
export function plannedKeyChanges(
  keys: readonly KeyRecord[],
  now: Date,
  policy: RotationPolicy = ROTATION_POLICY,
): KeyChange[] {
  const at = now.getTime();
  const changes: KeyChange[] = [];
  for (const key of keys) {
    if (
      key.state === 'retiring' &&
      at >= (key.retiringAt ?? key.createdAt).getTime() + policy.retireAfterMs
    ) {
      changes.push({ change: 'retire', kid: key.kid });
    }
  }
  const active = keys.find((key) => key.state === 'active');
  const next = keys
    .filter((key) => key.state === 'next')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (!active) {
    changes.push(
      next ? { change: 'promote', kid: next.kid } : { change: 'create', state: 'active' },
    );
    return changes;
  }
  if (!next) {
    if (at >= (active.activatedAt ?? active.createdAt).getTime() + policy.rotateAfterMs) {
      changes.push({ change: 'create', state: 'next' });
    }
    return changes;
  }
  if (at >= next.createdAt.getTime() + policy.publishAheadMs) {
    changes.push({ change: 'promote', kid: next.kid, demote: active.kid });
  }
  return changes;
}

/** The keys the JWKS publishes: whatever may sign now, soon, or has signed a valid token. */
export const PUBLISHED_STATES: readonly KeyState[] = ['next', 'active', 'retiring'];
