export * from './errors';
export * from './common';
export * from './roles';
export * from './dossiers';
export * from './accounts';
export * from './notifications';
export * from './time';
export * from './calendar';
