/** The client-event codec: `decodeClientEvent` for servers, `encodeClientEvent` for clients. */
export { decodeClientEvent } from './decode.js';
export { encodeClientEvent } from './encode.js';
export { parseWireObject } from './wire-input.js';
