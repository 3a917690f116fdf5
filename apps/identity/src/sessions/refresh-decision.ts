/** A stored refresh token, as the rotation sees it. */
export interface StoredRefreshToken {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What presenting this refresh token means (RFC 9700 §4.14.2). Pure.
 * - `rotate`: good; it is used up and a new one of the same family is issued.
 * - `reuse`: it was used before, so two parties hold it: the family is revoked, the newest too.
 * - `refuse`: unknown, revoked or expired.
 */
export function refreshDecision(
  token: StoredRefreshToken | undefined,
  now: Date,
): 'rotate' | 'reuse' | 'refuse' {
  if (!token || token.revokedAt) return 'refuse';
  if (token.usedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'refuse';
  return 'rotate';
}
