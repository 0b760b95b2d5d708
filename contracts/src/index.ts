export * from './errors';
export * from './common';
export * from './roles';
export * from './accounts';
export * from './notifications';
