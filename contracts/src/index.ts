export * from './errors';
export * from './common';
export * from './roles';
export * from './dossiers';
export * from './time';
export * from './calendar';
export * from './accounts';
export * from './notifications';
