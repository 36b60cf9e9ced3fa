/**
 * Canonical realtime objects and their per-dialect wire mapping.
 *
 * Every `xFromWire(wire, dialect?, path)` returns an `ObjectResult` (never
 * throws) whose error `param` is prefixed with `path`; every
 * `xToWire(value, dialect)` returns a fresh wire object. Unknown wire fields
 * are kept in `extra` (leaf config objects such as `turn_detection` keep them
 * in place) and written back, so each dialect's own objects round-trip.
 */
export * from './result.js';
export * from './extra.js';
export * from './validation.js';
export * from './base64.js';
export * from './common.js';
export * from './audio-format.js';
export * from './turn-detection.js';
export * from './tools.js';
export * from './content-part.js';
export * from './item.js';
export * from './usage.js';
export * from './session.js';
export * from './response.js';
export * from './response-params.js';
export {
  type FieldSpec,
  decodeFields,
  encodeFields,
  wireSchemaOf,
  plain,
  formatField,
  itemsField,
  toolsField,
  turnDetectionField,
  modalitiesField,
} from './config-fields.js';
