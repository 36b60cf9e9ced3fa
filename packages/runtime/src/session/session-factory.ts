/**
 * `createSessionFactory(options)`: what a transport calls for each new
 * connection. The options are checked once, here, so that a misconfigured
 * server fails at start-up rather than on the first connection.
 */
import { RuntimeError } from '../errors.js';
import { RealtimeSession, type RealtimeSessionOptions } from './realtime-session.js';
import { resolveLimits } from './limits.js';
import type { SessionFactory } from './session.js';

export type SessionFactoryOptions = RealtimeSessionOptions;

export function createSessionFactory(options: SessionFactoryOptions): SessionFactory {
  if (!options || typeof options.engine?.respond !== 'function') {
    throw new RuntimeError('invalid_value', 'createSessionFactory needs an engine with a respond() method.', {
      param: 'engine',
      type: 'server_error',
    });
  }
  resolveLimits(options.limits);
  const voices = options.synthesizerVoices;
  if (voices !== undefined && (!Array.isArray(voices) || voices.some((v) => typeof v !== 'string' || v === ''))) {
    throw new RuntimeError('invalid_value', 'synthesizerVoices must be a list of voice ids.', {
      param: 'synthesizerVoices',
      type: 'server_error',
    });
  }
  const codec = options.base64;
  if (codec !== undefined && (typeof codec?.decode !== 'function' || typeof codec?.encode !== 'function')) {
    throw new RuntimeError('invalid_value', 'base64 must be a codec with decode() and encode().', {
      param: 'base64',
      type: 'server_error',
    });
  }
  const frozen: SessionFactoryOptions = { ...options, ...(voices ? { synthesizerVoices: [...voices] } : {}) };
  return (context) => new RealtimeSession(context, frozen);
}
