export * from './backoff';
export * from './job';
export * from './job-queue';
export * from './job-runner';
export * from './jobs.migration';
export * from './scheduling.module';
