import { describe, expect, it } from 'vitest';
import { GatewayConfigError, isLoopbackHost, readGatewayConfig } from './config.js';

describe('gateway configuration', () => {
  it('defaults to loopback port 8787 without keys', () => {
    expect(readGatewayConfig({})).toEqual({ host: '127.0.0.1', port: 8787, apiKeys: [] });
  });

  it('reads HOST, PORT and comma-separated keys', () => {
    expect(readGatewayConfig({ HOST: '0.0.0.0', PORT: '9000', PARLEY_API_KEYS: ' a, b ,,c ' })).toEqual({
      host: '0.0.0.0',
      port: 9000,
      apiKeys: ['a', 'b', 'c'],
    });
  });

  it('refuses a non-loopback host without keys, with a message that says what to do', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.5', 'example.org']) {
      expect(() => readGatewayConfig({ HOST })).toThrow(GatewayConfigError);
    }
    expect(() => readGatewayConfig({ HOST: '0.0.0.0', PARLEY_API_KEYS: ' , ' })).toThrow(/PARLEY_API_KEYS/);
  });

  it('accepts every loopback spelling without keys', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', 'localhost.example.org']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('rejects a port that is not a number', () => {
    expect(() => readGatewayConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => readGatewayConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
