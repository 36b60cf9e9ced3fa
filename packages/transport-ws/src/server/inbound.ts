/**
 * Client frames -> canonical events, in the connection's current dialect, with
 * the one dialect switch the notes allow: the first `session.update` whose
 * session has a recognisable shape decides. A GA-shaped session (`type`,
 * nested `audio`, …) switches a flat connection to `openai`; a flat session
 * on an `openai` connection switches it to `openai-beta`. After that first
 * shaped `session.update` the dialect is fixed.
 *
 * The shape is read from the raw JSON before decoding, because a GA decoder
 * rejects a flat session (`session.type` is required) and vice versa.
 */
import {
  type AudioCheck,
  type ClientEvent,
  type Dialect,
  dialectFromSessionShape,
  decodeClientEvent,
  invalidRequest,
  type ProtocolError,
  parseWireObject,
  sessionShapeOf,
} from '@parley/protocol';

export type InboundResult =
  | { ok: true; event: ClientEvent; switchedTo?: Dialect }
  | { ok: false; error: ProtocolError; switchedTo?: Dialect };

const BINARY_FRAME = invalidRequest(
  'invalid_json',
  'Binary frames are not accepted: send each event as a JSON text frame.',
);

export class InboundDecoder {
  #dialect: Dialect;
  #shapeDecided = false;
  readonly #options: { audioCheck: AudioCheck };

  /** `audioCheck`: see `RealtimeServerOptions.audioCheck`. */
  constructor(dialect: Dialect, audioCheck: AudioCheck = 'full') {
    this.#dialect = dialect;
    this.#options = { audioCheck };
  }

  get dialect(): Dialect {
    return this.#dialect;
  }

  /** Decodes one frame. `text` is the frame's text (already valid UTF-8), or `null` for a binary frame. */
  decode(text: string | null): InboundResult {
    if (text === null) return { ok: false, error: BINARY_FRAME };
    const parsed = parseWireObject(text);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const wire = parsed.value;
    let switchedTo: Dialect | undefined;
    if (!this.#shapeDecided && wire.type === 'session.update' && sessionShapeOf(wire.session) !== null) {
      this.#shapeDecided = true;
      const next = dialectFromSessionShape(wire.session, this.#dialect);
      if (next !== null && next !== this.#dialect) {
        this.#dialect = next;
        switchedTo = next;
      }
    }
    const result = decodeClientEvent(wire, this.#dialect, this.#options);
    if (switchedTo === undefined) return result;
    return result.ok ? { ok: true, event: result.event, switchedTo } : { ok: false, error: result.error, switchedTo };
  }
}
