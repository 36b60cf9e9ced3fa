/**
 * The server-event codec: `encodeServerEvent` (canonical -> wire, for
 * servers) and `decodeServerEvent` (wire -> canonical, for clients), with the
 * per-dialect event names.
 */
export { decodeServerEvent } from './server-codec/decode.js';
export { encodeServerEvent, type ServerEncodeOptions } from './server-codec/encode.js';
export { canonicalServerType, gaServerEventNames, serverWireType } from './server-codec/event-names.js';
