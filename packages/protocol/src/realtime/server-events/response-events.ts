/**
 * Response lifecycle server events: `response.created|done`, StepFun's
 * `response.cancelled`, `response.output_item.added|done` and
 * `response.content_part.added|done`.
 *
 * Protocol order of one response (notes Part 1 and the issue):
 * `response.created` -> `response.output_item.added` ->
 * `conversation.item.created` (GA `conversation.item.added`) ->
 * `response.content_part.added` -> deltas -> `*.done` ->
 * `response.content_part.done` -> `response.output_item.done` ->
 * (GA `conversation.item.done`) -> `response.done`.
 *
 * `response.cancelled` is StepFun's name for the end of a cancelled response
 * (spec 001 says `response.cancel` is answered by it). Parley never emits it:
 * a cancelled response ends with `response.done` `status:"cancelled"`
 * (notes Part 1). Clients decode it as its own canonical event, kept apart
 * from `response.done` because StepFun documents `response.done` as "always
 * sent", so mapping one onto the other could end a response twice; a client
 * treats it as "this response is being cancelled" and still waits for
 * `response.done` (with a bounded wait).
 */
import Type, { type Static } from 'typebox';
import type { ContentPart } from '../objects/content-part.js';
import { ContentPartSchema } from '../objects/content-part.js';
import { type Item, ItemSchema } from '../objects/item.js';
import { type ResponseObject, ResponseObjectSchema } from '../objects/response.js';
import { Index, serverEvent } from './common.js';

type WithResponse<T> = Omit<T, 'response'> & { response: ResponseObject };
type WithItem<T> = Omit<T, 'item'> & { item: Item };
type WithPart<T> = Omit<T, 'part'> & { part: ContentPart };

export const ResponseCreatedEvent = serverEvent(
  'response.created',
  { response: ResponseObjectSchema },
  'A response started (status in_progress, empty output).',
);
export type ResponseCreatedEvent = WithResponse<Static<typeof ResponseCreatedEvent>>;

export const ResponseDoneEvent = serverEvent(
  'response.done',
  { response: ResponseObjectSchema },
  'A response ended, whatever its status (completed, cancelled, failed, incomplete); output items without audio bytes; usage.',
);
export type ResponseDoneEvent = WithResponse<Static<typeof ResponseDoneEvent>>;

export const ResponseCancelledEvent = serverEvent(
  'response.cancelled',
  {
    response_id: Type.Optional(Type.String()),
    response: Type.Optional(ResponseObjectSchema),
  },
  'StepFun: a response is being cancelled. Decoded, never emitted by a Parley server.',
);
export type ResponseCancelledEvent = Omit<Static<typeof ResponseCancelledEvent>, 'response'> & {
  response?: ResponseObject;
};

const outputItemFields = { response_id: Type.String(), output_index: Index, item: ItemSchema };

export const ResponseOutputItemAddedEvent = serverEvent(
  'response.output_item.added',
  outputItemFields,
  'A response started an output item (message or function call).',
);
export type ResponseOutputItemAddedEvent = WithItem<Static<typeof ResponseOutputItemAddedEvent>>;

export const ResponseOutputItemDoneEvent = serverEvent(
  'response.output_item.done',
  outputItemFields,
  'An output item is complete (status completed or incomplete).',
);
export type ResponseOutputItemDoneEvent = WithItem<Static<typeof ResponseOutputItemDoneEvent>>;

/**
 * `part` keeps the beta part names (`text`, `audio`) in every dialect: GA's
 * typings of these events say `text | audio` even though GA items say
 * `output_text | output_audio`. Decoding accepts both spellings.
 */
const contentPartFields = {
  response_id: Type.String(),
  item_id: Type.String(),
  output_index: Index,
  content_index: Index,
  part: ContentPartSchema,
};

export const ResponseContentPartAddedEvent = serverEvent(
  'response.content_part.added',
  contentPartFields,
  'An assistant message got a new content part (text, audio, or StepFun thinking).',
);
export type ResponseContentPartAddedEvent = WithPart<Static<typeof ResponseContentPartAddedEvent>>;

export const ResponseContentPartDoneEvent = serverEvent(
  'response.content_part.done',
  contentPartFields,
  'A content part is complete.',
);
export type ResponseContentPartDoneEvent = WithPart<Static<typeof ResponseContentPartDoneEvent>>;
