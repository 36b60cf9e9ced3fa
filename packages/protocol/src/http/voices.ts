/**
 * Voice listings (notes Part 2 §2.2, §2.3):
 * `GET /v1/audio/system_voices?model=…` (official voices, hyphenated keys as documented)
 * and `GET /v1/audio/voices` (cloned voices, a cursor-paged list).
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult } from '../errors.js';
import { checker, decodeWith, encodeJson } from './decoding.js';
import { missing, wrongValue } from './param-errors.js';

export const SystemVoiceDetailsSchema = Type.Object({
  'voice-name': Type.Optional(Type.String({ description: 'may be empty' })),
  'voice-description': Type.Optional(Type.String()),
  recommended_scene: Type.Optional(Type.String()),
});
export type SystemVoiceDetails = Static<typeof SystemVoiceDetailsSchema>;

export const SystemVoicesResponseSchema = Type.Object({
  voices: Type.Array(Type.String()),
  'voices-details': Type.Optional(Type.Record(Type.String(), SystemVoiceDetailsSchema)),
});
export type SystemVoicesResponse = Static<typeof SystemVoicesResponseSchema>;

/** Ids are strings in practice (`voice-tone-…`, `file-…`); the doc says int, so both are accepted. */
const Id = Type.Union([Type.String(), Type.Integer()]);

export const VoiceListItemSchema = Type.Object({
  id: Id,
  file_id: Type.Optional(Id),
  created_at: Type.Optional(Type.Integer({ description: 'Unix seconds' })),
});
export type VoiceListItem = Static<typeof VoiceListItemSchema>;

export const VoiceListResponseSchema = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(VoiceListItemSchema),
  has_more: Type.Boolean(),
  first_id: Type.Optional(Type.Union([Id, Type.Null()])),
  last_id: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type VoiceListResponse = Static<typeof VoiceListResponseSchema>;

const checkSystem = checker(SystemVoicesResponseSchema);
const checkList = checker(VoiceListResponseSchema);

export function decodeSystemVoicesResponse(body: unknown): DecodeResult<SystemVoicesResponse> {
  return decodeWith(body, checkSystem);
}

export function encodeSystemVoicesResponse(response: SystemVoicesResponse): string {
  return encodeJson(response);
}

export function decodeVoiceListResponse(body: unknown): DecodeResult<VoiceListResponse> {
  return decodeWith(body, checkList);
}

export function encodeVoiceListResponse(response: VoiceListResponse): string {
  return encodeJson(response);
}

export interface SystemVoiceEntry {
  id: string;
  name?: string;
  description?: string;
  recommendedScene?: string;
}

export function buildSystemVoicesResponse(entries: readonly SystemVoiceEntry[]): SystemVoicesResponse {
  const details: Record<string, SystemVoiceDetails> = {};
  for (const e of entries) {
    details[e.id] = {
      'voice-name': e.name ?? '',
      'voice-description': e.description ?? '',
      recommended_scene: e.recommendedScene ?? '',
    };
  }
  return { voices: entries.map((e) => e.id), 'voices-details': details };
}

export function buildVoiceListResponse(items: readonly VoiceListItem[], hasMore: boolean): VoiceListResponse {
  return {
    object: 'list',
    data: items.map((item) => ({ ...item })),
    has_more: hasMore,
    first_id: items.length > 0 ? items[0].id : null,
    last_id: items.length > 0 ? items[items.length - 1].id : null,
  };
}

export interface VoiceListQuery {
  /** 1–100, default 20. */
  limit: number;
  /** By creation time; default `desc`. */
  order: 'asc' | 'desc';
  before?: string;
  after?: string;
}

type QueryInput = URLSearchParams | Readonly<Record<string, string | undefined>>;

const read = (q: QueryInput, key: string): string | undefined =>
  q instanceof URLSearchParams ? (q.get(key) ?? undefined) : q[key];

/** Reads the query of `GET /v1/audio/voices`. Never throws. */
export function decodeVoiceListQuery(query: QueryInput): DecodeResult<VoiceListQuery> {
  const out: VoiceListQuery = { limit: 20, order: 'desc' };
  const limit = read(query, 'limit');
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) {
      return { ok: false, error: wrongValue('limit', 'expected an integer from 1 to 100.') };
    }
    out.limit = Number(limit);
  }
  const order = read(query, 'order');
  if (order !== undefined) {
    if (order !== 'asc' && order !== 'desc') return { ok: false, error: wrongValue('order', "expected one of 'asc', 'desc'.") };
    out.order = order;
  }
  const before = read(query, 'before');
  const after = read(query, 'after');
  if (before) out.before = before;
  if (after) out.after = after;
  return { ok: true, event: out };
}

/** Reads the query of `GET /v1/audio/system_voices` (`model` is required). Never throws. */
export function decodeSystemVoicesQuery(query: QueryInput): DecodeResult<{ model: string }> {
  const model = read(query, 'model');
  if (!model) return { ok: false, error: missing('model') };
  return { ok: true, event: { model } };
}
