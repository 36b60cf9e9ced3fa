/**
 * `conversation.item.create | retrieve | truncate | delete`.
 *
 * `truncate` applies to assistant audio: `audio_end_ms` is an integer
 * (milliseconds actually played), `content_index` is 0 in practice.
 */
import Type, { type Static } from 'typebox';
import { BetaItemWireSchema, GaItemWireSchema, type Item, ItemSchema } from '../objects/item.js';
import { clientEvent, clientEventWire, ItemId, NonNegativeInteger } from './common.js';

const previousItemId = Type.Optional(Type.Union([Type.String(), Type.Null()]));

export const ConversationItemCreateEvent = clientEvent(
  'conversation.item.create',
  { previous_item_id: previousItemId, item: ItemSchema },
  'Adds an item (message, function call, function call output) to the conversation.',
);
export type ConversationItemCreateEvent = Omit<Static<typeof ConversationItemCreateEvent>, 'item'> & { item: Item };

export const ConversationItemRetrieveEvent = clientEvent(
  'conversation.item.retrieve',
  { item_id: ItemId },
  "Asks for an item's full content; answered by conversation.item.retrieved.",
);
export type ConversationItemRetrieveEvent = Static<typeof ConversationItemRetrieveEvent>;

const truncateFields = { item_id: ItemId, content_index: NonNegativeInteger, audio_end_ms: NonNegativeInteger };

export const ConversationItemTruncateEvent = clientEvent(
  'conversation.item.truncate',
  truncateFields,
  'Cuts an assistant audio item at the milliseconds actually played.',
);
export type ConversationItemTruncateEvent = Static<typeof ConversationItemTruncateEvent>;

export const ConversationItemDeleteEvent = clientEvent(
  'conversation.item.delete',
  { item_id: ItemId },
  'Removes an item from the conversation.',
);
export type ConversationItemDeleteEvent = Static<typeof ConversationItemDeleteEvent>;

export const ConversationItemCreateWire = clientEventWire(
  'conversation.item.create',
  { previous_item_id: previousItemId, item: BetaItemWireSchema },
  'Adds an item (beta content part names).',
);
export const GaConversationItemCreateWire = clientEventWire(
  'conversation.item.create',
  { previous_item_id: previousItemId, item: GaItemWireSchema },
  'Adds an item (GA content part names output_text / output_audio).',
);
export const ConversationItemRetrieveWire = clientEventWire(
  'conversation.item.retrieve',
  { item_id: ItemId },
  'Asks for an item.',
);
export const ConversationItemTruncateWire = clientEventWire(
  'conversation.item.truncate',
  truncateFields,
  'Truncates assistant audio.',
);
export const ConversationItemDeleteWire = clientEventWire(
  'conversation.item.delete',
  { item_id: ItemId },
  'Deletes an item.',
);
