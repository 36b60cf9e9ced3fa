import { describe, expect, it } from 'vitest';
import { toolFromWire, toolToWire } from './tools.js';

const params = { type: 'object', properties: { city: { type: 'string' } } };

function decode(wire: unknown) {
  const result = toolFromWire(wire, 'tools[0]');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('tools', () => {
  it('reads both function forms into the flat canonical form', () => {
    const flat = decode({ type: 'function', name: 'get_weather', description: 'd', parameters: params });
    const nested = decode({ type: 'function', function: { name: 'get_weather', description: 'd', parameters: params } });
    expect({ ...flat, shape: undefined }).toEqual({ ...nested, shape: undefined });
    expect(flat).toMatchObject({ type: 'function', name: 'get_weather', parameters: params });
  });

  it('echoes the form it was given, in every dialect', () => {
    const nestedWire = { type: 'function', function: { name: 'f', parameters: params, strict: true, x: 1 }, y: 2 };
    const flatWire = { type: 'function', name: 'f', parameters: params, x: 1 };
    for (const dialect of ['stepfun', 'openai'] as const) {
      expect(toolToWire(decode(nestedWire), dialect)).toEqual(nestedWire);
      expect(toolToWire(decode(flatWire), dialect)).toEqual(flatWire);
    }
  });

  it('writes nested for StepFun and flat elsewhere when the form is not known', () => {
    const tool = { type: 'function' as const, name: 'f' };
    expect(toolToWire(tool, 'stepfun')).toEqual({ type: 'function', function: { name: 'f' } });
    expect(toolToWire(tool, 'volcengine')).toEqual({ type: 'function', name: 'f' });
    expect(toolToWire(tool, 'openai')).toEqual({ type: 'function', name: 'f' });
  });

  it("keeps StepFun's built-in tools whole", () => {
    const wire = { type: 'retrieval', function: { description: 'kb', options: { vector_store_id: 'vs_1' } } };
    const tool = decode(wire);
    expect(tool.type).toBe('retrieval');
    expect(toolToWire(tool, 'stepfun')).toEqual(wire);
    expect(toolToWire(decode({ type: 'web_search' }), 'stepfun')).toEqual({ type: 'web_search' });
  });

  it('names the failing path of each form', () => {
    expect(toolFromWire({ type: 'function', function: { description: 'x' } }, 'session.tools[2]')).toMatchObject({
      ok: false,
      error: { code: 'missing_required_parameter', param: 'session.tools[2].function.name' },
    });
    expect(toolFromWire({ type: 'function', description: 'x' }, 'session.tools[2]')).toMatchObject({
      ok: false,
      error: { code: 'missing_required_parameter', param: 'session.tools[2].name' },
    });
  });
});
