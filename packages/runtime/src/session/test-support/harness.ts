/**
 * Opens a `RealtimeSession` in-process for tests: virtual clock, sequential
 * ids, every emitted canonical event recorded. `send` takes a canonical event;
 * `sendWire` takes a wire event and decodes it for the session's dialect, as
 * a transport would.
 */
import { pcm16ToBytes, bytesToBase64 } from '@parley/audio';
import {
  type ClientEvent,
  decodeClientEvent,
  type Dialect,
  type ServerEvent,
  type ServerEventOf,
  type ServerEventType,
} from '@parley/protocol';
import type { Engine } from '../../engine/engine.js';
import { sequentialIds } from '../../ids.js';
import { VirtualClock } from '../../testing/virtual-clock.js';
import type { RealtimeSessionOptions } from '../realtime-session.js';
import { createSessionFactory } from '../session-factory.js';
import type { Session } from '../session.js';

export interface Harness {
  session: Session;
  clock: VirtualClock;
  events: ServerEvent[];
  ended: { code: number; reason: string }[];
  send(event: ClientEvent): void;
  sendWire(wire: Record<string, unknown>): void;
  types(): string[];
  of<T extends ServerEventType>(type: T): ServerEventOf<T>[];
  last<T extends ServerEventType>(type: T): ServerEventOf<T>;
  errors(): ServerEventOf<'error'>['error'][];
  /** Forgets the events recorded so far. */
  reset(): void;
  /** Lets the engine's promise chains run (no virtual time passes). */
  settle(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<RealtimeSessionOptions, 'engine'>> {
  engine: Engine;
  dialect?: Dialect;
  model?: string;
  conversationId?: string;
}

export function openSession(options: HarnessOptions): Harness {
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock();
  const events: ServerEvent[] = [];
  const ended: { code: number; reason: string }[] = [];
  const dialect = options.dialect ?? 'openai-beta';
  const factory = createSessionFactory({ ids: sequentialIds(), ...options, clock });
  const session = factory({
    dialect,
    model: options.model ?? 'test-model',
    ...(options.conversationId !== undefined ? { conversationId: options.conversationId } : {}),
    emit: (event) => events.push(event),
    end: (code, reason) => ended.push({ code, reason }),
    clock,
  });
  const of = <T extends ServerEventType>(type: T) => events.filter((e): e is ServerEventOf<T> => e.type === type);
  return {
    session,
    clock,
    events,
    ended,
    send: (event) => session.handle(event),
    sendWire: (wire) => {
      const decoded = decodeClientEvent(wire, dialect);
      if (!decoded.ok) throw new Error(`test event does not decode: ${decoded.error.message}`);
      session.handle(decoded.event);
    },
    types: () => events.map((e) => e.type),
    of,
    last: (type) => {
      const all = of(type);
      if (all.length === 0) throw new Error(`no ${type} event; got ${events.map((e) => e.type).join(', ')}`);
      return all[all.length - 1]!;
    },
    errors: () => of('error').map((e) => e.error),
    reset: () => {
      events.length = 0;
    },
    settle: () => clock.advanceAsync(0),
  };
}

/** PCM16 as the base64 of `input_audio_buffer.append`. */
export function b64(pcm: Int16Array): string {
  return bytesToBase64(pcm16ToBytes(pcm));
}

/** `ms` of digital silence at `rate`. */
export function silence(ms: number, rate: number): Int16Array {
  return new Int16Array(Math.round((rate * ms) / 1000));
}
