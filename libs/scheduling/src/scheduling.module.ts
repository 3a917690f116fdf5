import { type DynamicModule, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';
import {
  DEFAULT_SCHEDULING_OPTIONS,
  JobRunner,
  SCHEDULING_OPTIONS,
  type SchedulingOptions,
} from './job-runner';

/**
 * Durable jobs for a service with a database: `JobQueue` to enqueue, `JobRunner` to run.
 * Needs the service's TypeORM root (with `CreateJobs1764400000100`) and EventsModule.
 */
@Module({})
export class SchedulingModule {
  static forRoot(options: Partial<SchedulingOptions> = {}): DynamicModule {
    return {
      module: SchedulingModule,
      global: true,
      providers: [
        { provide: SCHEDULING_OPTIONS, useValue: { ...DEFAULT_SCHEDULING_OPTIONS, ...options } },
        JobRunner,
        JobQueue,
      ],
      exports: [JobRunner, JobQueue],
    };
  }
}
