import Type from 'typebox';
import { Settings } from 'typebox/system';
import { afterEach, describe, expect, it } from 'vitest';
import { lazy } from './validation.js';

const Schema = Type.Object({
  name: Type.String(),
  count: Type.Optional(Type.Integer({ minimum: 0 })),
  mode: Type.Optional(Type.Enum(['a', 'b'])),
  list: Type.Optional(Type.Array(Type.Object({ id: Type.String() }))),
  maybe: Type.Optional(Type.Union([Type.Null(), Type.Object({ t: Type.String() })])),
  tokens: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('inf')])),
});

function errorOf(value: unknown) {
  const error = lazy(Schema).validate(value, 'root');
  return error && { code: error.code, param: error.param };
}

describe('schema errors to protocol errors', () => {
  it('reports a missing property with its full path', () => {
    expect(errorOf({})).toEqual({ code: 'missing_required_parameter', param: 'root.name' });
    expect(errorOf({ name: 'n', list: [{ id: 'a' }, {}] })).toEqual({ code: 'missing_required_parameter', param: 'root.list[1].id' });
  });

  it('tells a wrong JSON type from a wrong value', () => {
    expect(errorOf({ name: 5 })).toEqual({ code: 'invalid_type', param: 'root.name' });
    expect(errorOf({ name: 'n', count: 'x' })).toEqual({ code: 'invalid_type', param: 'root.count' });
    expect(errorOf({ name: 'n', count: -1 })).toEqual({ code: 'invalid_value', param: 'root.count' });
    expect(errorOf({ name: 'n', count: 2.5 })).toEqual({ code: 'invalid_value', param: 'root.count' });
    expect(errorOf({ name: 'n', mode: 'c' })).toEqual({ code: 'invalid_value', param: 'root.mode' });
    expect(errorOf({ name: 'n', mode: 3 })).toEqual({ code: 'invalid_type', param: 'root.mode' });
  });

  it('picks the deepest failure inside alternatives', () => {
    expect(errorOf({ name: 'n', maybe: 5 })).toEqual({ code: 'invalid_type', param: 'root.maybe' });
    expect(errorOf({ name: 'n', maybe: { t: 1 } })).toEqual({ code: 'invalid_type', param: 'root.maybe.t' });
    expect(errorOf({ name: 'n', tokens: 'lots' })).toEqual({ code: 'invalid_value', param: 'root.tokens' });
    expect(errorOf({ name: 'n', tokens: 0 })).toEqual({ code: 'invalid_value', param: 'root.tokens' });
    expect(errorOf({ name: 'n', tokens: true })).toEqual({ code: 'invalid_type', param: 'root.tokens' });
  });

  it('accepts valid values and unknown fields', () => {
    expect(errorOf({ name: 'n', count: 3, extra: { anything: true } })).toBeNull();
  });
});

describe('without code generation', () => {
  afterEach(() => Settings.Reset());

  it('interprets the schema and reports the same errors', () => {
    const values = [{}, { name: 5 }, { name: 'n', count: 2.5 }, { name: 'n', maybe: { t: 1 } }, { name: 'n' }];
    const accelerated = lazy(Schema);
    const expected = values.map((value) => accelerated.validate(value, 'root'));
    expect(accelerated.accelerated()).toBe(true);
    Settings.Set({ useAcceleration: false });
    const interpreted = lazy(Schema);
    expect(values.map((value) => interpreted.validate(value, 'root'))).toEqual(expected);
    expect(interpreted.accelerated()).toBe(false);
  });
});
