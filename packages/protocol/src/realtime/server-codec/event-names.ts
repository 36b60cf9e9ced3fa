/**
 * Server event names per dialect.
 *
 * Canonical names are the beta ones. Only the `openai` (GA) dialect renames
 * events (notes Part 3 §3.7). `conversation.item.done` exists on the wire only
 * in GA: the other dialects have no such event, and what it says (the item is
 * complete) already reaches their clients through `response.output_item.done`
 * (items a response writes) or through `conversation.item.created` itself
 * (items a client creates, or committed audio), so their encoders drop it.
 *
 * GA's union still lists the beta `conversation.item.created`; a GA client
 * decodes it like `conversation.item.added`, and the GA encoder writes
 * `conversation.item.added`. Events only one vendor defines (StepFun's
 * `response.thinking.*` and `response.cancelled`, GA's
 * `input_audio_buffer.timeout_triggered`, …) keep their name in every dialect:
 * Parley is a superset, and the vendors' clients ignore event types they do
 * not know.
 */
import type { Dialect } from '../dialect.js';

/** Canonical name -> GA wire name, for the events GA renames. */
export const gaServerEventNames: Readonly<Record<string, string>> = {
  'conversation.item.created': 'conversation.item.added',
  'response.text.delta': 'response.output_text.delta',
  'response.text.done': 'response.output_text.done',
  'response.audio.delta': 'response.output_audio.delta',
  'response.audio.done': 'response.output_audio.done',
  'response.audio_transcript.delta': 'response.output_audio_transcript.delta',
  'response.audio_transcript.done': 'response.output_audio_transcript.done',
  'transcription_session.updated': 'session.updated',
};

/** Canonical events that only the GA dialect puts on the wire. */
const gaOnlyServerEvents: ReadonlySet<string> = new Set(['conversation.item.done']);

/**
 * The wire name of a canonical server event in a dialect, or null when the
 * dialect does not carry the event (its encoder sends nothing).
 */
export function serverWireType(canonicalType: string, dialect: Dialect): string | null {
  if (dialect === 'openai') return gaServerEventNames[canonicalType] ?? canonicalType;
  return gaOnlyServerEvents.has(canonicalType) ? null : canonicalType;
}

const canonicalByGaName: ReadonlyMap<string, string> = new Map(
  Object.entries(gaServerEventNames)
    // GA `session.updated` is `transcription_session.updated` only for a
    // transcription session; the decoder looks at the session to tell.
    .filter(([canonical]) => canonical !== 'transcription_session.updated')
    .map(([canonical, ga]) => [ga, canonical]),
);

/**
 * The canonical name of a wire event type. Decoding is lenient: every dialect
 * accepts the names of every other dialect (Parley is a superset, notes Part 1),
 * so a client set to one dialect still understands a server speaking another.
 */
export function canonicalServerType(wireType: string): string {
  return canonicalByGaName.get(wireType) ?? wireType;
}
