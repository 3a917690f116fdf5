export * from './contract';
export * from './channels';
export * from './statuses';
export * from './streams';
export * from './intake/submit-application.v1';
export * from './intake/application-submitted.v1';
export * from './agency/application-status-changed.v1';
export * from './tracking/get-timeline.v1';
