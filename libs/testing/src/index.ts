export * from './cleanup';
export * from './database';
export * from './eventually';
export * from './factories';
export * from './service-process';
export * from './test-environment';
