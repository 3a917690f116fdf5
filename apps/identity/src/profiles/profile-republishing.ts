import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PROFILE_MAX_AGE_SECONDS } from '@satupintu/contracts';
import { JobQueue, JobRunner, defineJob } from '@satupintu/scheduling';
import { ApplicantsRepository } from '../applicants/applicants.repository';
import { BusinessesRepository } from '../businesses/businesses.repository';

/**
 * The PROFILE stream keeps each profile for PROFILE_MAX_AGE_SECONDS (14 days) after it was last
 * published. So that a current profile never expires (an agency deployed next month must still
 * find everyone it will serve), identity publishes every profile again, unchanged, once a day:
 * well within the window, even after a few failed days.
 */
export const REPUBLISH_INTERVAL_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

if (REPUBLISH_INTERVAL_MS * 7 > PROFILE_MAX_AGE_SECONDS * 1000)
  throw new Error('profiles must be republished well within the PROFILE stream max age');

/** Starts a sweep of every profile (recurring). */
export const RepublishProfiles = defineJob<Record<string, never>>({
  kind: 'profiles.republish',
  maxAttempts: 5,
  backoff: { baseMs: 60_000, maxMs: 30 * 60_000 },
});

/** One batch of a sweep: `BATCH` profiles of one kind after `afterId`, then the next batch. */
export const RepublishProfilesBatch = defineJob<{
  kind: 'applicant' | 'business';
  afterId: string;
}>({
  kind: 'profiles.republish-batch',
  maxAttempts: 10,
  backoff: { baseMs: 10_000, maxMs: 10 * 60_000 },
});

@Injectable()
export class ProfileRepublishing implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly queue: JobQueue,
    private readonly applicants: ApplicantsRepository,
    private readonly businesses: BusinessesRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(RepublishProfiles, async (_payload, tx) => {
      await this.queue.enqueue(tx, RepublishProfilesBatch, {
        kind: 'applicant',
        afterId: FIRST_ID,
      });
    });
    this.runner.register(RepublishProfilesBatch, async ({ kind, afterId }, tx) => {
      const repository = kind === 'applicant' ? this.applicants : this.businesses;
      const last = await repository.republish(tx, afterId, BATCH);
      if (last) await this.queue.enqueue(tx, RepublishProfilesBatch, { kind, afterId: last });
      else if (kind === 'applicant')
        await this.queue.enqueue(tx, RepublishProfilesBatch, {
          kind: 'business',
          afterId: FIRST_ID,
        });
    });
    this.runner.every(RepublishProfiles, REPUBLISH_INTERVAL_MS, {});
  }
}
