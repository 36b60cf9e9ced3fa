/**
 * Tools (`session.tools`, `response.tools`).
 *
 * Canonical function tool: OpenAI's flat form `{type:'function', name,
 * description, parameters}`. StepFun documents the chat-completions form
 * `{type:'function', function:{name, description, parameters}}`; both are
 * accepted in every dialect. `shape` records which form the wire used so it
 * echoes back unchanged; without it StepFun gets the nested form and the other
 * dialects the flat one. Other tool types (StepFun `web_search` / `retrieval`,
 * GA `mcp`) are kept whole: their fields other than `type` sit in `extra`.
 */
import Type, { type Static } from 'typebox';
import type { Dialect } from '../dialect.js';
import { AnyObject, ExtraSchema } from './common.js';
import { attachExtra, type Extra, mergeExtra, put, unknownFields } from './extra.js';
import { isPlainObject, joinPath, missing, type ObjectResult, success, wrongType } from './result.js';
import { lazy } from './validation.js';

const functionFields = {
  name: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  parameters: Type.Optional(AnyObject),
  strict: Type.Optional(Type.Boolean()),
};

/** Wire: OpenAI's flat function tool. */
export const FlatFunctionToolWireSchema = Type.Object({ type: Type.Literal('function'), ...functionFields });
/** Wire: StepFun's nested (chat-completions style) function tool. */
export const NestedFunctionToolWireSchema = Type.Object({
  type: Type.Literal('function'),
  function: Type.Object(functionFields),
});
/** Wire: any other tool type, kept as sent. */
export const BuiltinToolWireSchema = Type.Object({ type: Type.String({ minLength: 1 }) });
export const ToolWireSchema = Type.Union([
  FlatFunctionToolWireSchema,
  NestedFunctionToolWireSchema,
  BuiltinToolWireSchema,
]);

/** Canonical function tool. */
export const FunctionToolSchema = Type.Object({
  type: Type.Literal('function'),
  ...functionFields,
  shape: Type.Optional(Type.Enum(['flat', 'nested'])),
  extra: Type.Optional(ExtraSchema),
  /** Unknown fields of the nested form's outer object. */
  wrapper_extra: Type.Optional(ExtraSchema),
});
export type FunctionTool = Static<typeof FunctionToolSchema> & { shape?: 'flat' | 'nested' };

/** Canonical non-function tool: its type plus every other field in `extra`. */
export const BuiltinToolSchema = Type.Object({ type: Type.String(), extra: Type.Optional(ExtraSchema) });
export type BuiltinTool = Static<typeof BuiltinToolSchema>;

export const ToolSchema = Type.Union([FunctionToolSchema, BuiltinToolSchema]);
export type Tool = FunctionTool | BuiltinTool;

export function isFunctionTool(tool: Tool): tool is FunctionTool {
  return tool.type === 'function';
}

const flatValidator = lazy(FlatFunctionToolWireSchema);
const nestedValidator = lazy(NestedFunctionToolWireSchema);
const FUNCTION_KNOWN = new Set(['type', 'name', 'description', 'parameters', 'strict']);
const INNER_KNOWN = new Set(['name', 'description', 'parameters', 'strict']);
const WRAPPER_KNOWN = new Set(['type', 'function']);
const TYPE_ONLY = new Set(['type']);

function functionTool(source: Record<string, unknown>, shape: 'flat' | 'nested', extra: Extra | undefined): FunctionTool {
  const tool: FunctionTool = { type: 'function', name: source.name as string };
  put(tool, 'description', source.description);
  put(tool, 'parameters', source.parameters);
  put(tool, 'strict', source.strict);
  tool.shape = shape;
  return attachExtra(tool, extra);
}

/** Maps one wire tool (either function form, or another type) to the canonical one. */
export function toolFromWire(wire: unknown, path: string): ObjectResult<Tool> {
  if (!isPlainObject(wire)) return wrongType(path, 'an object', wire);
  if (!Object.hasOwn(wire, 'type')) return missing(joinPath(path, 'type'));
  if (typeof wire.type !== 'string') return wrongType(joinPath(path, 'type'), 'a string', wire.type);
  if (wire.type !== 'function') {
    return success(attachExtra({ type: wire.type } as BuiltinTool, unknownFields(wire, TYPE_ONLY)));
  }
  if (Object.hasOwn(wire, 'function')) {
    const error = nestedValidator.validate(wire, path);
    if (error) return { ok: false, error };
    const inner = wire.function as Record<string, unknown>;
    const tool = functionTool(inner, 'nested', unknownFields(inner, INNER_KNOWN));
    const wrapper = unknownFields(wire, WRAPPER_KNOWN);
    if (wrapper) tool.wrapper_extra = wrapper;
    return success(tool);
  }
  const error = flatValidator.validate(wire, path);
  if (error) return { ok: false, error };
  return success(functionTool(wire, 'flat', unknownFields(wire, FUNCTION_KNOWN)));
}

/** Maps a wire `tools` array. */
export function toolsFromWire(wire: unknown, path: string): ObjectResult<Tool[]> {
  if (!Array.isArray(wire)) return wrongType(path, 'an array', wire);
  const tools: Tool[] = [];
  for (let i = 0; i < wire.length; i++) {
    const result = toolFromWire(wire[i], joinPath(path, i));
    if (!result.ok) return result;
    tools.push(result.value);
  }
  return success(tools);
}

/** Maps a canonical tool to the dialect's wire form (see the module comment for the shape rule). */
export function toolToWire(tool: Tool, dialect: Dialect): Record<string, unknown> {
  if (!isFunctionTool(tool)) return mergeExtra({ type: tool.type }, tool.extra);
  const body: Record<string, unknown> = { name: tool.name };
  put(body, 'description', tool.description);
  put(body, 'parameters', tool.parameters);
  put(body, 'strict', tool.strict);
  const shape = tool.shape ?? (dialect === 'stepfun' ? 'nested' : 'flat');
  if (shape === 'flat') return mergeExtra({ type: 'function', ...body }, tool.extra);
  return mergeExtra({ type: 'function', function: mergeExtra(body, tool.extra) }, tool.wrapper_extra);
}

export function toolsToWire(tools: readonly Tool[], dialect: Dialect): Record<string, unknown>[] {
  return tools.map((tool) => toolToWire(tool, dialect));
}
