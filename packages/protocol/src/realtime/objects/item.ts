/**
 * Conversation items: messages (system / user / assistant), function calls,
 * function call outputs, and GA's MCP items (kept whole, fields in `extra`).
 *
 * The wire shape is the same in every dialect except the assistant content
 * part names (see `content-part.ts`). An item without `type` is read as a
 * message when it has a `role`, as a function call output when it has an
 * `output`, as a function call when it has `call_id` and `name` (the beta
 * typings make `type` optional).
 */
import Type, { type Static, type TSchema } from 'typebox';
import type { Dialect } from '../dialect.js';
import { ExtraSchema } from './common.js';
import {
  BetaContentPartWireSchema,
  type ContentPart,
  type ContentPartEncodeOptions,
  ContentPartSchema,
  contentFromWire,
  contentToWire,
  GaContentPartWireSchema,
} from './content-part.js';
import { attachExtra, copyObject, type Extra, mergeExtra, unknownFields } from './extra.js';
import { badValue, isPlainObject, joinPath, missing, type ObjectResult, success, wrongType } from './result.js';
import { lazy } from './validation.js';

export const ItemRoleSchema = Type.Enum(['user', 'assistant', 'system']);
export type ItemRole = 'user' | 'assistant' | 'system';

export const MCP_ITEM_TYPES = ['mcp_call', 'mcp_list_tools', 'mcp_approval_request', 'mcp_approval_response'] as const;
export type McpItemType = (typeof MCP_ITEM_TYPES)[number];

const common = {
  id: Type.Optional(Type.String()),
  object: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
};
const callFields = { call_id: Type.String(), name: Type.String(), arguments: Type.Optional(Type.String()) };
const outputFields = { call_id: Type.String(), output: Type.String() };

function messageSchema(part: TSchema) {
  return Type.Object({ type: Type.Literal('message'), ...common, role: ItemRoleSchema, content: Type.Array(part) });
}

export const MessageItemSchema = Type.Object({
  type: Type.Literal('message'),
  ...common,
  role: ItemRoleSchema,
  content: Type.Array(ContentPartSchema),
  extra: Type.Optional(ExtraSchema),
});
export const FunctionCallItemSchema = Type.Object({
  type: Type.Literal('function_call'),
  ...common,
  ...callFields,
  extra: Type.Optional(ExtraSchema),
});
export const FunctionCallOutputItemSchema = Type.Object({
  type: Type.Literal('function_call_output'),
  ...common,
  ...outputFields,
  extra: Type.Optional(ExtraSchema),
});
export const McpItemSchema = Type.Object({
  type: Type.Enum([...MCP_ITEM_TYPES]),
  id: Type.Optional(Type.String()),
  extra: Type.Optional(ExtraSchema),
});
/** Canonical item. */
export const ItemSchema = Type.Union([MessageItemSchema, FunctionCallItemSchema, FunctionCallOutputItemSchema, McpItemSchema]);

export type MessageItem = Omit<Static<typeof MessageItemSchema>, 'content' | 'role'> & {
  role: ItemRole;
  content: ContentPart[];
};
export type FunctionCallItem = Static<typeof FunctionCallItemSchema>;
export type FunctionCallOutputItem = Static<typeof FunctionCallOutputItemSchema>;
export type McpItem = { type: McpItemType; id?: string; extra?: Extra };
export type Item = MessageItem | FunctionCallItem | FunctionCallOutputItem | McpItem;

const wireFunctionCall = Type.Object({ type: Type.Literal('function_call'), ...common, ...callFields });
const wireFunctionCallOutput = Type.Object({ type: Type.Literal('function_call_output'), ...common, ...outputFields });
const wireMcp = Type.Object({ type: Type.Enum([...MCP_ITEM_TYPES]), id: Type.Optional(Type.String()) });

/** Wire item, beta content names. */
export const BetaItemWireSchema = Type.Union([
  messageSchema(BetaContentPartWireSchema),
  wireFunctionCall,
  wireFunctionCallOutput,
  wireMcp,
]);
/** Wire item, GA content names. */
export const GaItemWireSchema = Type.Union([
  messageSchema(GaContentPartWireSchema),
  wireFunctionCall,
  wireFunctionCallOutput,
  wireMcp,
]);

const messageShallow = lazy(messageSchema(Type.Unknown()));
const callValidator = lazy(wireFunctionCall);
const outputValidator = lazy(wireFunctionCallOutput);
const mcpValidator = lazy(wireMcp);
const KNOWN = {
  message: new Set(['type', 'id', 'object', 'status', 'role', 'content']),
  function_call: new Set(['type', 'id', 'object', 'status', 'call_id', 'name', 'arguments']),
  function_call_output: new Set(['type', 'id', 'object', 'status', 'call_id', 'output']),
  mcp: new Set(['type', 'id']),
};

function inferType(wire: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(wire, 'role')) return 'message';
  if (Object.hasOwn(wire, 'output')) return 'function_call_output';
  if (Object.hasOwn(wire, 'call_id') && Object.hasOwn(wire, 'name')) return 'function_call';
  return undefined;
}

function pick(wire: Record<string, unknown>, known: ReadonlySet<string>, type: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wire)) if (known.has(key)) out[key] = wire[key];
  out.type = type;
  return out;
}

/** Maps one wire item to the canonical one. `path` names it in errors (e.g. `item`). */
export function itemFromWire(wire: unknown, path: string): ObjectResult<Item> {
  if (!isPlainObject(wire)) return wrongType(path, 'an object', wire);
  const typePath = joinPath(path, 'type');
  let type: unknown = wire.type;
  if (!Object.hasOwn(wire, 'type')) {
    type = inferType(wire);
    if (type === undefined) return missing(typePath);
  }
  if (typeof type !== 'string') return wrongType(typePath, 'a string', type);
  const withType = wire.type === type ? wire : { ...wire, type };
  switch (type) {
    case 'message': {
      const error = messageShallow.validate(withType, path);
      if (error) return { ok: false, error };
      const content = contentFromWire(wire.content, joinPath(path, 'content'));
      if (!content.ok) return content;
      const item = pick(wire, KNOWN.message, type) as MessageItem;
      item.content = content.value;
      return success(attachExtra(item, unknownFields(wire, KNOWN.message)));
    }
    case 'function_call':
    case 'function_call_output': {
      const error = (type === 'function_call' ? callValidator : outputValidator).validate(withType, path);
      if (error) return { ok: false, error };
      const item = pick(wire, KNOWN[type], type) as Item;
      return success(attachExtra(item, unknownFields(wire, KNOWN[type])));
    }
    default: {
      if (!(MCP_ITEM_TYPES as readonly string[]).includes(type)) {
        return badValue(typePath, `unknown item type '${type}'`);
      }
      const error = mcpValidator.validate(withType, path);
      if (error) return { ok: false, error };
      return success(attachExtra(pick(wire, KNOWN.mcp, type) as McpItem, unknownFields(wire, KNOWN.mcp)));
    }
  }
}

/** Maps a wire array of items (e.g. `response.output`). */
export function itemsFromWire(wire: unknown, path: string): ObjectResult<Item[]> {
  if (!Array.isArray(wire)) return wrongType(path, 'an array', wire);
  const items: Item[] = [];
  for (let i = 0; i < wire.length; i++) {
    const result = itemFromWire(wire[i], joinPath(path, i));
    if (!result.ok) return result;
    items.push(result.value);
  }
  return success(items);
}

/** Maps a canonical item to the dialect's wire form. */
export function itemToWire(item: Item, dialect: Dialect, options: ContentPartEncodeOptions = {}): Record<string, unknown> {
  const { extra, ...rest } = item as Item & { extra?: Extra };
  const out = copyObject(rest);
  if (item.type === 'message') out.content = contentToWire(item.content, dialect, options);
  return mergeExtra(out, extra);
}

export function itemsToWire(items: readonly Item[], dialect: Dialect, options: ContentPartEncodeOptions = {}) {
  return items.map((item) => itemToWire(item, dialect, options));
}
