export * from './errors.js';
export * from './realtime/index.js';
export * from './http/index.js';
