export * from './application-status/application-status';
export * from './nik/nik';
export * from './nik/region-index';
export * from './tracking-number/tracking-number';
export * from './time/zoned-time';
export * from './time/working-days';
export * from './time/holidays-seed';
