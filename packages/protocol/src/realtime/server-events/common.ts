/**
 * Building blocks shared by the server-event schemas.
 *
 * Every canonical server event is an object with a `type` (the beta-style name
 * of spec 001), an `event_id`, its own fields and, like every canonical
 * object, an optional `extra` record holding the wire fields Parley does not
 * interpret, so a vendor's own fields survive a wire -> canonical -> wire
 * round trip (see `objects/extra.ts`).
 */
import Type, {
  type TLiteral,
  type TObject,
  type TOptional,
  type TProperties,
  type TString,
} from 'typebox';
import { ExtraSchema } from '../objects/common.js';

/** `event_id` of a server event. */
export const ServerEventId = Type.String({
  description:
    'Id of this server event. A Parley server always sends it (the runtime supplies it); ' +
    'some vendor samples omit it, so decoding tolerates its absence.',
});

/** The properties every canonical server event has. */
export type ServerEventBase<Type extends string> = {
  event_id: TOptional<TString>;
  type: TLiteral<Type>;
  extra: TOptional<typeof ExtraSchema>;
};

/**
 * Declares the schema of one canonical server event: `event_id`, the `type`
 * literal, `extra` and the event's own properties. The schema's `title` is the
 * type. Properties named `session`, `item`, `response` and `part` hold
 * canonical objects that the codec maps per dialect; every other property has
 * the same form on the wire and in the canonical event.
 */
export function serverEvent<const EventType extends string, Properties extends TProperties>(
  type: EventType,
  properties: Properties,
  description: string,
): TObject<ServerEventBase<EventType> & Properties> {
  const base: ServerEventBase<EventType> = {
    event_id: Type.Optional(ServerEventId),
    type: Type.Literal(type),
    extra: Type.Optional(ExtraSchema),
  };
  return Type.Object({ ...base, ...properties }, { title: type, description });
}

/** A string id, or null where the protocol allows "none" (`previous_item_id`). */
export const NullableId = Type.Union([Type.String(), Type.Null()]);

/** Milliseconds of input audio since the session started. */
export const AudioMs = Type.Number({ minimum: 0, description: 'Milliseconds of input audio since the session started' });

/** Index of an output item in a response, or of a content part in an item. */
export const Index = Type.Integer({ minimum: 0 });

/**
 * Where a streamed delta belongs. A Parley server always sends all four;
 * StepFun's documented samples leave out `response_id`, `output_index` or
 * `content_index` on some events, so only `item_id` is required.
 */
export const streamPosition = {
  response_id: Type.Optional(Type.String()),
  item_id: Type.String(),
  output_index: Type.Optional(Index),
  content_index: Type.Optional(Index),
};
