export * from './inbox-pruning';
export * from './service-infrastructure';
