import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { RealtimeClientError } from '../client/event-inbox.js';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';
import { hasOpenssl, selfSignedCertificate } from '../test-support/tls.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(!hasOpenssl())('TLS', () => {
  it('serves wss:// on an https server, with auth, to a client that trusts the certificate', async () => {
    const certificate = selfSignedCertificate();
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, auth: { keys: ['secret'] } }, certificate);
    expect(server.url()).toMatch(/^wss:\/\//);

    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[], options: ClientOptions = {}) {
        super(url, protocols, { ...options, ca: certificate.cert });
      }
    }
    const client = await server.connect({ apiKey: 'secret', WebSocket: TrustingWebSocket });
    await client.nextEvent('session.created');
    client.send({ type: 'response.create' });
    const done = await client.nextEvent('response.done');
    expect(done.response.status).toBe('completed');
    await client.close();

    const untrusting = await server.connect({ apiKey: 'secret' }).catch((error: unknown) => error);
    expect(untrusting).toBeInstanceOf(RealtimeClientError);
    expect((untrusting as RealtimeClientError).code).toBe('connect_failed');
  });
});
