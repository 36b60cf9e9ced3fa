/**
 * `response.create` (optional per-response overrides) and `response.cancel`
 * (optional `response_id`).
 */
import Type, { type Static } from 'typebox';
import {
  GaResponseCreateParamsWireSchema,
  type ResponseCreateParams,
  ResponseCreateParamsSchema,
  ResponseCreateParamsWireSchema,
} from '../objects/response-params.js';
import { clientEvent, clientEventWire } from './common.js';

export const ResponseCreateEvent = clientEvent(
  'response.create',
  { response: Type.Optional(ResponseCreateParamsSchema) },
  'Asks for a response; answered by response.created ... response.done.',
);
export type ResponseCreateEvent = Omit<Static<typeof ResponseCreateEvent>, 'response'> & {
  response?: ResponseCreateParams;
};

export const ResponseCancelEvent = clientEvent(
  'response.cancel',
  { response_id: Type.Optional(Type.String()) },
  'Cancels the response in progress; it ends with response.done status "cancelled".',
);
export type ResponseCancelEvent = Static<typeof ResponseCancelEvent>;

export const ResponseCreateWire = clientEventWire(
  'response.create',
  { response: Type.Optional(ResponseCreateParamsWireSchema) },
  'Asks for a response (flat parameters).',
);
export const GaResponseCreateWire = clientEventWire(
  'response.create',
  { response: Type.Optional(GaResponseCreateParamsWireSchema) },
  'Asks for a response (GA parameters).',
);
export const ResponseCancelWire = clientEventWire(
  'response.cancel',
  { response_id: Type.Optional(Type.String()) },
  'Cancels the response in progress.',
);
