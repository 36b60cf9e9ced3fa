/**
 * Turns TypeBox's list of validation errors into the one `ProtocolError` that
 * best explains why a value was rejected.
 *
 * A union (`anyOf`) reports errors from every branch. Branches that cannot be the
 * intended one (wrong JSON type, wrong literal, wrong `type`/`role` tag) are set
 * aside; if every branch of a union is set aside, the union itself is reported
 * (`expected one of …`). Of what remains, the first error in schema order wins.
 */
import type { TLocalizedValidationError } from 'typebox/error';
import { type ProtocolError, invalidRequest } from '../errors.js';
import {
  joinParam,
  missing,
  paramFromPointer,
  pointerSegments,
  quoteValue,
  withArticle,
  wrongType,
  wrongValue,
} from './param-errors.js';

type Err = TLocalizedValidationError;

interface Branch {
  /** Schema path of the `anyOf` keyword, without the branch index. */
  anyOf: string;
  index: number;
}

/** Why a union branch cannot be the one the value meant. */
type Rejection =
  | { kind: 'type'; types: string[] }
  | { kind: 'value'; allowed: unknown[] }
  | { kind: 'tag'; key: string; allowed: unknown[] };

const BRANCH_ROOT = /^(.*\/anyOf)\/(\d+)$/;
const BRANCH_TAG = /^(.*\/anyOf)\/(\d+)\/properties\/([^/]+)$/;

export function explainErrors(errors: readonly Err[], root: unknown): ProtocolError {
  const rejected = new Map<string, Map<number, Rejection>>();
  const failing = new Map<string, Set<number>>();
  /** JSON pointer of the value each union was checked against. */
  const instanceOf = new Map<string, string>();
  for (const error of errors) {
    for (const b of branchesOf(error.schemaPath)) {
      const set = failing.get(b.anyOf) ?? new Set<number>();
      set.add(b.index);
      failing.set(b.anyOf, set);
    }
    if (error.keyword === 'anyOf') instanceOf.set(`${error.schemaPath}/anyOf`, error.instancePath);
    const r = rejectionOf(error);
    if (r) {
      const pointer = r.why.kind === 'tag' ? error.instancePath.replace(/\/[^/]*$/, '') : error.instancePath;
      if (!instanceOf.has(r.branch.anyOf)) instanceOf.set(r.branch.anyOf, pointer);
      const map = rejected.get(r.branch.anyOf) ?? new Map<number, Rejection>();
      map.set(r.branch.index, r.why);
      rejected.set(r.branch.anyOf, map);
    }
  }
  const collapsed = (anyOf: string): boolean => {
    const fails = failing.get(anyOf);
    const rej = rejected.get(anyOf);
    return !!fails && !!rej && [...fails].every((i) => rej.has(i));
  };
  const hidden = (schemaPath: string): boolean =>
    branchesOf(schemaPath).some((b) => (rejected.get(b.anyOf)?.has(b.index) ?? false) && !collapsed(b.anyOf));

  const candidates: ProtocolError[] = [];
  const reported = new Set<string>();
  for (const error of errors) {
    const union = branchesOf(error.schemaPath).find((b) => collapsed(b.anyOf));
    if (union) {
      if (reported.has(union.anyOf) || hidden(union.anyOf)) continue;
      reported.add(union.anyOf);
      const pointer = instanceOf.get(union.anyOf) ?? error.instancePath;
      candidates.push(unionError(pointer, [...(rejected.get(union.anyOf)?.values() ?? [])], root));
      continue;
    }
    if (error.keyword === 'anyOf' || hidden(error.schemaPath)) continue;
    candidates.push(singleError(error, root));
  }
  return candidates[0] ?? invalidRequest('invalid_value', 'The body does not match the expected shape.');
}

function branchesOf(schemaPath: string): Branch[] {
  const out: Branch[] = [];
  const re = /\/anyOf\/(\d+)/g;
  for (let m = re.exec(schemaPath); m; m = re.exec(schemaPath)) {
    out.push({ anyOf: schemaPath.slice(0, m.index + '/anyOf'.length), index: Number(m[1]) });
  }
  return out;
}

function rejectionOf(error: Err): { branch: Branch; why: Rejection } | null {
  const params = error.params as Record<string, unknown>;
  const root = BRANCH_ROOT.exec(error.schemaPath);
  if (root) {
    const branch = { anyOf: root[1], index: Number(root[2]) };
    if (error.keyword === 'type') return { branch, why: { kind: 'type', types: [String(params.type)] } };
    if (error.keyword === 'const') return { branch, why: { kind: 'value', allowed: [params.allowedValue] } };
    if (error.keyword === 'enum') return { branch, why: { kind: 'value', allowed: [...(params.allowedValues as unknown[])] } };
    return null;
  }
  const tag = BRANCH_TAG.exec(error.schemaPath);
  if (tag && error.keyword === 'const') {
    const branch = { anyOf: tag[1], index: Number(tag[2]) };
    return { branch, why: { kind: 'tag', key: tag[3], allowed: [params.allowedValue] } };
  }
  return null;
}

function unionError(pointer: string, reasons: Rejection[], root: unknown): ProtocolError {
  const param = paramFromPointer(pointer);
  const tags = reasons.filter((r): r is Extract<Rejection, { kind: 'tag' }> => r.kind === 'tag');
  if (tags.length > 0) {
    const key = tags[0].key;
    const allowed = unique(tags.filter((t) => t.key === key).flatMap((t) => t.allowed));
    return wrongValue(joinParam(param, key), `expected one of ${allowed.map(quoteValue).join(', ')}.`);
  }
  const allowed = unique(reasons.flatMap((r) => (r.kind === 'value' ? r.allowed : [])));
  const types = unique(reasons.flatMap((r) => (r.kind === 'type' ? r.types : [])));
  if (allowed.length > 0) {
    const or = types.length > 0 ? ` or ${types.map(withArticle).join(' or ')}` : '';
    return wrongValue(param, `expected one of ${allowed.map(quoteValue).join(', ')}${or}.`);
  }
  return wrongType(param, types, valueAt(root, pointer));
}

function singleError(error: Err, root: unknown): ProtocolError {
  const param = paramFromPointer(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const names = (p.requiredProperties as string[] | undefined) ?? [];
      const container = valueAt(root, error.instancePath);
      const isObject = typeof container === 'object' && container !== null;
      const absent = names.find((n) => !isObject || !(n in container)) ?? names[0] ?? '?';
      return missing(joinParam(param, absent) ?? absent);
    }
    case 'type':
      return wrongType(param, [String(p.type)], valueAt(root, error.instancePath));
    case 'const':
      return wrongValue(param, `expected ${quoteValue(p.allowedValue)}.`);
    case 'enum':
      return wrongValue(param, `expected one of ${(p.allowedValues as unknown[]).map(quoteValue).join(', ')}.`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return wrongValue(param, `must be ${String(p.comparison)} ${String(p.limit)}.`);
    case 'minLength':
      return wrongValue(param, `must be at least ${String(p.limit)} characters long.`);
    case 'maxLength':
      return wrongValue(param, `must be at most ${String(p.limit)} characters long.`);
    case 'minItems':
      return wrongValue(param, `must have at least ${String(p.limit)} item(s).`);
    case 'maxItems':
      return wrongValue(param, `must have at most ${String(p.limit)} item(s).`);
    default:
      return wrongValue(param, `${error.message}.`);
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
