/**
 * Building blocks of the client-event schemas.
 *
 * Each client event has a canonical schema (beta-style names, canonical
 * objects, optional `event_id`, optional `extra` for wire fields Parley does
 * not interpret) and one or two wire schemas: `beta` for the flat dialects
 * (StepFun, Volcengine, OpenAI beta) and `ga` where OpenAI GA differs.
 */
import Type, { type TLiteral, type TObject, type TOptional, type TProperties, type TString } from 'typebox';
import { ExtraSchema } from '../objects/common.js';

/** `event_id` of a client event: optional, echoed in errors. */
export const ClientEventId = Type.String({ description: 'Optional client-generated id, echoed in error.event_id.' });

export type ClientEventBase<EventType extends string> = {
  type: TLiteral<EventType>;
  event_id: TOptional<TString>;
};

/** The canonical schema of one client event: `type`, `event_id?`, its fields, `extra?`. */
export function clientEvent<const EventType extends string, Properties extends TProperties>(
  type: EventType,
  properties: Properties,
  description: string,
): TObject<ClientEventBase<EventType> & Properties & { extra: TOptional<typeof ExtraSchema> }> {
  return Type.Object(
    { type: Type.Literal(type), event_id: Type.Optional(ClientEventId), ...properties, extra: Type.Optional(ExtraSchema) },
    { title: type, description },
  );
}

/** The wire schema of one client event (unknown fields allowed, as everywhere). */
export function clientEventWire<const EventType extends string, Properties extends TProperties>(
  type: EventType,
  properties: Properties,
  description: string,
): TObject<ClientEventBase<EventType> & Properties> {
  return Type.Object(
    { type: Type.Literal(type), event_id: Type.Optional(ClientEventId), ...properties },
    { title: type, description },
  );
}

/** An id naming an item, e.g. `item_id`. */
export const ItemId = Type.String({ minLength: 1 });

/** A non-negative integer (`content_index`, `audio_end_ms`). */
export const NonNegativeInteger = Type.Integer({ minimum: 0 });
