/**
 * A realtime server for conformance tests: the shared test harness server
 * (`http` or `https` on 127.0.0.1, port 0, with `createRealtimeServer` bound
 * to it), closed with a 100 ms grace period.
 */
import { startTestServer, type TestServer } from '../../test-support/harness.js';
import type { RealtimeServerOptions } from '../../server/options.js';

export type LoopbackServer = TestServer;

export function startLoopbackServer(
  options: Omit<RealtimeServerOptions, 'server'>,
  tls?: { key: string; cert: string },
): Promise<LoopbackServer> {
  return startTestServer(options, tls, { closeGraceMs: 100 });
}
