/**
 * Which `SessionFactory` a server uses: the one given, else the runtime's own
 * sessions around the given engine. Made once, at start-up, so that a
 * misconfigured server fails there rather than on its first connection.
 */
import type { AudioCheck } from '@parley/protocol';
import { createSessionFactory, type Engine, type SessionFactory } from '@parley/runtime';
import { nodeBase64 } from './node-base64.js';
import type { SessionOptions } from './options.js';

export interface ResolvedSessions {
  sessionFactory: SessionFactory;
  /** What the transport checks of an append's audio (see `RealtimeServerOptions.audioCheck`). */
  audioCheck: AudioCheck;
}

export function resolveSessionFactory(options: {
  sessionFactory?: SessionFactory;
  engine?: Engine;
  sessionOptions?: SessionOptions;
  audioCheck?: AudioCheck;
}): ResolvedSessions {
  const { audioCheck } = options;
  if (audioCheck !== undefined && audioCheck !== 'full' && audioCheck !== 'size') {
    throw new TypeError(`audioCheck must be 'full' or 'size', got ${String(audioCheck)}.`);
  }
  if (options.sessionFactory) return { sessionFactory: options.sessionFactory, audioCheck: audioCheck ?? 'full' };
  if (!options.engine) throw new TypeError('createRealtimeServer needs `sessionFactory` or `engine`.');
  // The runtime's sessions decode every append at once and answer bad base64
  // with `invalid_audio`; on Node they decode and encode with `Buffer`.
  const sessionFactory = createSessionFactory({ base64: nodeBase64, ...options.sessionOptions, engine: options.engine });
  return { sessionFactory, audioCheck: audioCheck ?? 'size' };
}
