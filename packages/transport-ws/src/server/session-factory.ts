/**
 * Which `SessionFactory` a server uses: the one given, else the runtime's own
 * sessions around the given engine. Made once, at start-up, so that a
 * misconfigured server fails there rather than on its first connection.
 */
import { createSessionFactory, type Engine, type SessionFactory } from '@parley/runtime';
import type { SessionOptions } from './options.js';

export function resolveSessionFactory(options: {
  sessionFactory?: SessionFactory;
  engine?: Engine;
  sessionOptions?: SessionOptions;
}): SessionFactory {
  if (options.sessionFactory) return options.sessionFactory;
  if (!options.engine) throw new TypeError('createRealtimeServer needs `sessionFactory` or `engine`.');
  return createSessionFactory({ ...options.sessionOptions, engine: options.engine });
}
