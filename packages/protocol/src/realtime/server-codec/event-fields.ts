/**
 * Field-level mapping of server events between wire and canonical form.
 *
 * Most event fields are the same on the wire and in the canonical event. Four
 * names hold canonical objects whose wire form depends on the dialect, mapped
 * with the object codecs: `session` (flat or GA nested), `item` (assistant
 * part names), `response` (flat or GA names) and `part` (the content part of
 * `response.content_part.*`, which keeps beta part names in every dialect).
 * Fields no schema names are kept in the event's `extra` and written back.
 */
import Type, { type TObject, type TProperties } from 'typebox';
import type { Dialect } from '../dialect.js';
import { contentPartFromWire, contentPartToWire, type ContentPart } from '../objects/content-part.js';
import { type Extra, mergeExtra, unknownFields } from '../objects/extra.js';
import { type Item, itemFromWire, itemToWire } from '../objects/item.js';
import { type ResponseObject, responseFromWire, responseToWire } from '../objects/response.js';
import { missing, type ObjectResult, success } from '../objects/result.js';
import { type SessionConfig, sessionFromWire, sessionToWire } from '../objects/session.js';
import { type LazyValidator, lazy } from '../objects/validation.js';

interface ObjectCodec {
  fromWire(wire: unknown, dialect: Dialect, path: string): ObjectResult<unknown>;
  toWire(value: unknown, dialect: Dialect): unknown;
}

const objectCodecs: Readonly<Record<string, ObjectCodec>> = {
  session: {
    fromWire: (wire, dialect, path) => sessionFromWire(wire, dialect, path),
    toWire: (value, dialect) => sessionToWire(value as SessionConfig, dialect),
  },
  item: {
    fromWire: (wire, _dialect, path) => itemFromWire(wire, path),
    toWire: (value, dialect) => itemToWire(value as Item, dialect),
  },
  response: {
    fromWire: (wire, dialect, path) => responseFromWire(wire, dialect, path),
    toWire: (value, dialect) => responseToWire(value as ResponseObject, dialect),
  },
  part: {
    fromWire: (wire, _dialect, path) => contentPartFromWire(wire, path),
    toWire: (value, dialect) => contentPartToWire(value as ContentPart, dialect, { names: 'beta' }),
  },
};

interface EventShape {
  /** Wire fields the event interprets (everything else goes to `extra`). */
  readonly known: ReadonlySet<string>;
  /** Validates the fields that have the same form on the wire and canonically. */
  readonly plain: LazyValidator;
  readonly objects: readonly { name: string; required: boolean; codec: ObjectCodec }[];
}

const shapes = new WeakMap<TObject, EventShape>();

function shapeOf(schema: TObject): EventShape {
  let shape = shapes.get(schema);
  if (shape !== undefined) return shape;
  const required = new Set<string>(schema.required ?? []);
  const plainProperties: TProperties = {};
  const objects: { name: string; required: boolean; codec: ObjectCodec }[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name === 'type' || name === 'extra') continue;
    const codec = Object.hasOwn(objectCodecs, name) ? objectCodecs[name] : undefined;
    if (codec) objects.push({ name, required: required.has(name), codec });
    else plainProperties[name] = property;
  }
  const known = new Set(Object.keys(schema.properties).filter((name) => name !== 'extra'));
  shape = { known, plain: lazy(Type.Object(plainProperties)), objects };
  shapes.set(schema, shape);
  return shape;
}

function clone(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

/**
 * Reads a wire event's fields into a canonical event of type `type`, as
 * `schema` describes it. The wire `type` is not read (the caller has mapped it).
 */
export function eventFromWire(
  wire: Record<string, unknown>,
  type: string,
  schema: TObject,
  dialect: Dialect,
): ObjectResult<Record<string, unknown>> {
  const shape = shapeOf(schema);
  const error = shape.plain.validate(wire, '');
  if (error) return { ok: false, error };
  const event: Record<string, unknown> = { type };
  for (const name of shape.known) {
    if (name === 'type' || !Object.hasOwn(wire, name)) continue;
    if (shape.objects.some((object) => object.name === name)) continue;
    event[name] = clone(wire[name]);
  }
  for (const object of shape.objects) {
    if (!Object.hasOwn(wire, object.name)) {
      if (object.required) return missing(object.name);
      continue;
    }
    const result = object.codec.fromWire(wire[object.name], dialect, object.name);
    if (!result.ok) return result;
    event[object.name] = result.value;
  }
  const extra = unknownFields(wire, shape.known);
  if (extra !== undefined) event.extra = clone(extra);
  return success(event);
}

/**
 * Writes a canonical event's fields in the dialect's wire form, `type` set to
 * `wireType`; `eventId` (when given) stands in for the event's own `event_id`.
 */
export function eventToWire(
  event: Record<string, unknown> & { extra?: Extra },
  wireType: string,
  schema: TObject,
  dialect: Dialect,
  eventId: unknown = event.event_id,
): Record<string, unknown> {
  const shape = shapeOf(schema);
  const wire: Record<string, unknown> = {};
  if (eventId !== undefined) wire.event_id = eventId;
  wire.type = wireType;
  const objects = shape.objects;
  for (const name of Object.keys(event)) {
    if (name === 'type' || name === 'extra' || name === 'event_id') continue;
    const value = event[name];
    if (value === undefined) continue;
    // Most events (the audio and transcript deltas among them) have no object fields: no lookup then.
    const object = objects.length === 0 ? undefined : objects.find((candidate) => candidate.name === name);
    if (object) wire[name] = object.codec.toWire(value, dialect);
    else wire[name] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
  return mergeExtra(wire, event.extra);
}
