/**
 * @parley/transport-ws: the realtime WebSocket API on a Node `http` / `https`
 * server (`createRealtimeServer`), and a client connection for Node and
 * browsers (`connectRealtime`).
 */
export { createRealtimeServer, type RealtimeServer } from './server/realtime-server.js';
export {
  DEFAULT_SERVER_LIMITS,
  DEFAULT_PATHS,
  type AuthOption,
  type Logger,
  type RealtimeLimits,
  type RealtimeServerOptions,
  type SessionOptions,
} from './server/options.js';
export { CloseCode } from './server/connection.js';
export { nodeBase64 } from './server/node-base64.js';
export type {
  ConnectionInfo,
  DialectSwitchInfo,
  DisconnectInfo,
  ErrorInfo,
  Listener,
  MessageInfo,
  RealtimeServerEventMap,
  RealtimeServerEventName,
  RejectInfo,
} from './server/metrics.js';
export { API_KEY_PROTOCOL_PREFIX, BETA_PROTOCOL, REALTIME_PROTOCOL } from './server/subprotocols.js';
export {
  connectRealtime,
  type CloseInfo,
  type ConnectRealtimeOptions,
  type ConnectionEvents,
  type InvalidFrame,
  type RealtimeConnection,
  type ServerEventOfType,
  type WebSocketConstructor,
} from './client/connect.js';
export { RealtimeClientError } from './client/event-inbox.js';
