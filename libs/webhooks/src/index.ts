export * from './deliveries.repository';
export * from './delivery-policy';
export * from './delivery-worker';
export * from './signing';
export * from './subscriptions';
export * from './webhook-metrics';
export * from './webhooks.migration';
export * from './webhooks.module';
