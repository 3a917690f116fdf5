export * from './inbox-pruning';
export * from './service-infrastructure';
export * from './working-day-calendar';
