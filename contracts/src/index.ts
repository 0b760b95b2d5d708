export * from './errors';
export * from './common';
export * from './roles';
export * from './catalogue';
export * from './organisation';
