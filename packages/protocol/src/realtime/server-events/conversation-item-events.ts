/**
 * `conversation.item.*` server events.
 *
 * Canonical `conversation.item.created` says "an item entered the
 * conversation" (it may still be in progress); canonical
 * `conversation.item.done` says "the item is complete". GA puts both on the
 * wire, the first named `conversation.item.added`. StepFun, Volcengine and
 * OpenAI beta have only `conversation.item.created`; their encoders drop
 * `done` (see `server-codec/event-names.ts`).
 *
 * `item` is the canonical `Item`; assistant content part names are written
 * per dialect (`text`/`audio` or GA `output_text`/`output_audio`).
 */
import Type, { type Static } from 'typebox';
import { type Item, ItemSchema } from '../objects/item.js';
import { Index, NullableId, serverEvent } from './common.js';

type WithItem<T> = Omit<T, 'item'> & { item: Item };

export const ConversationItemCreatedEvent = serverEvent(
  'conversation.item.created',
  { previous_item_id: Type.Optional(NullableId), item: ItemSchema },
  'An item entered the conversation. GA: conversation.item.added.',
);
export type ConversationItemCreatedEvent = WithItem<Static<typeof ConversationItemCreatedEvent>>;

export const ConversationItemDoneEvent = serverEvent(
  'conversation.item.done',
  { previous_item_id: Type.Optional(NullableId), item: ItemSchema },
  'An item is complete (GA only on the wire; other dialects drop it).',
);
export type ConversationItemDoneEvent = WithItem<Static<typeof ConversationItemDoneEvent>>;

export const ConversationItemRetrievedEvent = serverEvent(
  'conversation.item.retrieved',
  { item: ItemSchema },
  'Answer to conversation.item.retrieve: the full item.',
);
export type ConversationItemRetrievedEvent = WithItem<Static<typeof ConversationItemRetrievedEvent>>;

export const ConversationItemTruncatedEvent = serverEvent(
  'conversation.item.truncated',
  {
    item_id: Type.String(),
    content_index: Index,
    audio_end_ms: Type.Integer({ minimum: 0 }),
  },
  'Answer to conversation.item.truncate: the assistant audio was cut at audio_end_ms.',
);
export type ConversationItemTruncatedEvent = Static<typeof ConversationItemTruncatedEvent>;

export const ConversationItemDeletedEvent = serverEvent(
  'conversation.item.deleted',
  { item_id: Type.String() },
  'Answer to conversation.item.delete.',
);
export type ConversationItemDeletedEvent = Static<typeof ConversationItemDeletedEvent>;
