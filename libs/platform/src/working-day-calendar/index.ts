export * from './followed-calendar';
export * from './working-day-calendar.migration';
export * from './working-day-calendar.module';
export * from './working-day-calendar.provider';
