/** The client-event codec: `decodeClientEvent` for servers, `encodeClientEvent` for clients. */
export { type DecodeClientEventOptions, decodeClientEvent } from './decode.js';
export { encodeClientEvent } from './encode.js';
export { parseWireObject } from './wire-input.js';
