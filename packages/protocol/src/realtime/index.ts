/**
 * The realtime protocol: dialects, canonical objects, client events and their
 * codec, server events and their codec.
 */
export * from './dialect.js';
export * from './objects/index.js';
export * from './client-events/index.js';
export * from './client-codec/index.js';
export * from './server-events/index.js';
export * from './server-codec.js';
