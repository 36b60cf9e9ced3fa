/**
 * Options of `createRealtimeServer` and the limits every connection runs under.
 * Each limit, when hit, has one documented outcome (see the README table).
 */
import type { IncomingMessage } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AudioCheck, Dialect } from '@parley/protocol';
import type { Engine, SessionFactory, SessionFactoryOptions } from '@parley/runtime';

const MiB = 1024 * 1024;

export interface RealtimeLimits {
  /**
   * Largest client frame in bytes. A bigger one closes the connection with 1009.
   * Default 21 MiB: a 15 MiB `input_audio_buffer.append` is 20 MiB of base64, plus its JSON.
   */
  maxFrameBytes: number;
  /**
   * Outbound bytes a connection may have waiting in its socket buffer. A client that
   * does not read past this is closed with 1008; nothing more is queued for it. Default 8 MiB.
   */
  maxQueuedBytes: number;
  /** Interval of WebSocket pings; a client that has not answered the previous one is terminated. Default 20 s. */
  pingIntervalMs: number;
  /**
   * Time without a frame in either direction after which the server sends an
   * `error` `idle_timeout` and closes with 1000. Default 120 s.
   */
  idleTimeoutMs: number;
  /** Longest life of a session: then an `error` `session_expired` and close 1000. Default 30 min. */
  maxSessionMs: number;
  /** Open sessions. One more gets HTTP 429 `session_limit_reached` before its upgrade. Default 1000. */
  maxSessions: number;
  /** How long a closing handshake may take before the socket is destroyed. Default 10 s. */
  closeTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<RealtimeLimits> = {
  maxFrameBytes: 21 * MiB,
  maxQueuedBytes: 8 * MiB,
  pingIntervalMs: 20_000,
  idleTimeoutMs: 120_000,
  maxSessionMs: 30 * 60_000,
  maxSessions: 1000,
  closeTimeoutMs: 10_000,
};

/** Keys accepted as `Authorization: Bearer <key>` or the `openai-insecure-api-key.<key>` subprotocol, or a custom check. */
export type AuthOption = { keys: readonly string[] } | ((request: IncomingMessage) => boolean | Promise<boolean>);

/** Where the server writes what it does. Every method is optional; the default is silent. */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** Options of the runtime's session factory (voices, store, limits, defaults, …), used when `engine` is given. */
export type SessionOptions = Omit<SessionFactoryOptions, 'engine'>;

export interface RealtimeServerOptions {
  /** The HTTP or HTTPS server whose `upgrade` requests this binding serves. It is not closed by `close()`. */
  server: HttpServer | HttpsServer;
  /** Makes the session of each connection. Either this or `engine`. */
  sessionFactory?: SessionFactory;
  /**
   * An engine for the runtime's own sessions (`createSessionFactory({ engine, ...sessionOptions })`),
   * whose base64 codec defaults to `nodeBase64` here.
   */
  engine?: Engine;
  sessionOptions?: SessionOptions;
  /** No authentication when absent. */
  auth?: AuthOption;
  /** Exact URL paths served. Default `['/v1/realtime', '/step_plan/v1/realtime']`. */
  paths?: readonly string[];
  /** The route's default dialect. Default `stepfun`. */
  dialect?: Dialect;
  /** Model of a connection whose URL has no `?model=`. Default: empty (the session picks its own). */
  defaultModel?: string;
  limits?: Partial<RealtimeLimits>;
  logger?: Logger;
  /**
   * How much the transport checks the base64 of `input_audio_buffer.append`
   * before the session gets it. `full`: the whole alphabet, bad base64 is
   * refused here with `invalid_audio`. `size`: size and length only, for
   * sessions that decode every append at once and refuse bad base64
   * themselves with `invalid_audio` (the runtime's sessions do; their
   * decoder is the one full check). Default: `size` with `engine` (the
   * runtime's sessions, made here), `full` with a `sessionFactory` (the
   * transport cannot know what it does; a factory of runtime sessions may
   * pass `size`).
   */
  audioCheck?: AudioCheck;
}

export const DEFAULT_PATHS: readonly string[] = ['/v1/realtime', '/step_plan/v1/realtime'];

/** Fills in defaults and rejects nonsense (a limit that is not a positive number). */
export function resolveLimits(limits: Partial<RealtimeLimits> = {}): RealtimeLimits {
  const resolved: RealtimeLimits = { ...DEFAULT_SERVER_LIMITS };
  for (const key of Object.keys(DEFAULT_SERVER_LIMITS) as (keyof RealtimeLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new RangeError(`limits.${key} must be a positive number, got ${String(value)}.`);
    }
    resolved[key] = value;
  }
  return resolved;
}
