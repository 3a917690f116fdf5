export * from './demo-agencies';
export * from './demo-services';
