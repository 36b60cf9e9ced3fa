/**
 * The `error` server event (spec 001 "错误事件", spec 003 `error`, notes Part 1 "Errors").
 *
 * Canonical and wire form are the wrapped one, `{type:"error", event_id, error:{…}}`.
 * `error.event_id` is the id of the offending client event. The decoder also
 * accepts the flat form some StepFun pages show and wraps it.
 */
import Type, { type Static } from 'typebox';
import { serverEvent } from './common.js';

/**
 * The `error` object. A Parley server fills every field (see `ProtocolError`);
 * vendors leave out `param` and sometimes `code` or `event_id`, and OpenAI's
 * retirement notice for the beta shape (`beta_api_shape_disabled`, notes
 * Part 3 §1) has no `type`, so only `message` is required here.
 */
export const ServerErrorDetails = Type.Object(
  {
    type: Type.Optional(Type.String({ description: 'e.g. invalid_request_error, server_error' })),
    code: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    message: Type.String(),
    param: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    event_id: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Id of the offending client event' })),
  },
  { title: 'ServerErrorDetails' },
);
export type ServerErrorDetails = Static<typeof ServerErrorDetails>;

export const ServerErrorEvent = serverEvent(
  'error',
  { error: ServerErrorDetails },
  'Something went wrong; the session goes on unless the transport closes it.',
);
export type ServerErrorEvent = Static<typeof ServerErrorEvent>;
