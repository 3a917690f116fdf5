export * from './database';
export * from './persistence.module';
export * from './append-only';
export * from './sql';
export * from './cursor';
export * from './unique-violation';
export * from './async-commit';
