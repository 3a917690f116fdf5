export * from './idempotency.module';
export * from './inbox-pruning';
export * from './pruning';
export * from './service-infrastructure';
export * from './working-day-calendar';
