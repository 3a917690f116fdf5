import { Injectable, type OnModuleInit } from '@nestjs/common';
import { sql } from '@satupintu/persistence';
import { JobRunner, defineJob } from '@satupintu/scheduling';
import { LOCKOUT_POLICY } from './lockout';
import { REFRESH_TOKEN_TTL_SECONDS } from './refresh-tokens';

/**
 * Forgets what no decision needs any more: failure counts whose window and lock are over (every
 * unknown identifier tried leaves one), and refresh tokens expired for longer than a token
 * lives (kept that long so that a used one presented late still revokes its family).
 */
export const PruneSessions = defineJob<Record<string, never>>({
  kind: 'sessions.prune',
  maxAttempts: 5,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
});

export const SESSIONS_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
export class SessionPruning implements OnModuleInit {
  constructor(private readonly runner: JobRunner) {}

  onModuleInit(): void {
    this.runner.register(PruneSessions, async (_payload, tx) => {
      await tx.execute(sql`
        DELETE FROM login_failures
         WHERE first_failed_at < now() - make_interval(secs => ${LOCKOUT_POLICY.windowMs / 1000})
           AND (locked_until IS NULL OR locked_until < now())`);
      await tx.execute(sql`
        DELETE FROM refresh_tokens
         WHERE expires_at < now() - make_interval(secs => ${REFRESH_TOKEN_TTL_SECONDS})`);
    });
    this.runner.every(PruneSessions, SESSIONS_PRUNE_INTERVAL_MS, {});
  }
}
