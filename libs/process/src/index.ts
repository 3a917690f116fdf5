export * from './duration';
export * from './exit';
export * from './line-tail';
export * from './managed-process';
export * from './ports';
export * from './readiness';
export * from './restart-policy';
export * from './supervisor';
