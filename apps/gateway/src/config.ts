/**
 * Gateway configuration from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `HOST` | `127.0.0.1` | address to listen on |
 * | `PORT` | `8787` | port (0 = any free port) |
 * | `PARLEY_API_KEYS` | none | comma-separated keys; clients send one as `Authorization: Bearer` |
 *
 * Without keys the gateway is open to anyone who can reach it, so it then
 * listens on loopback only: a non-loopback `HOST` without keys is refused.
 */
import { isIP } from 'node:net';

export interface GatewayConfig {
  host: string;
  port: number;
  apiKeys: string[];
}

export class GatewayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayConfigError';
  }
}

/** Whether `host` only reaches this machine: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

export function readGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const host = env.HOST?.trim() || '127.0.0.1';
  const portText = env.PORT?.trim() || '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new GatewayConfigError(`PORT must be a port number (0-65535), got '${portText}'.`);
  }
  const apiKeys = (env.PARLEY_API_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (apiKeys.length === 0 && !isLoopbackHost(host)) {
    throw new GatewayConfigError(
      `Refusing to listen on ${host} without API keys: anyone who can reach it could use it. ` +
        'Set PARLEY_API_KEYS (comma-separated), or listen on loopback (HOST=127.0.0.1).',
    );
  }
  return { host, port, apiKeys };
}
