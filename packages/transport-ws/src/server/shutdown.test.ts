import { afterEach, describe, expect, it } from 'vitest';
import { rawUpgrade, startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('graceful shutdown', () => {
  it('refuses new sessions with 503, lets the running response finish, then closes with 1001', async () => {
    const held = gate();
    const { factory, sessions } = scriptedSessions({ audioChunks: 5, gate: held.promise });
    server = await startTestServer({ sessionFactory: factory });
    const client = await server.connect();
    const order: string[] = [];
    client.on('event', (event) => order.push(event.type));
    client.on('close', (info) => order.push(`close ${info.code}`));
    client.send({ type: 'response.create' });
    await client.nextEvent('response.audio.delta');

    const closing = server.realtime.close(10_000);
    const refused = await rawUpgrade(server.port, '/v1/realtime');
    expect(refused !== 'upgraded' && refused.status).toBe(503);
    expect(refused !== 'upgraded' && JSON.parse(refused.body).error.code).toBe('server_shutting_down');
    expect(sessions[0]!.closed).toBe(false);

    held.open();
    await closing;
    expect((await client.closed).code).toBe(1001);
    expect(order.slice(-2)).toEqual(['response.done', 'close 1001']);
    expect(order.filter((type) => type === 'response.audio.delta')).toHaveLength(5);
    expect(server.realtime.sessionCount).toBe(0);
    expect(sessions[0]!.closed).toBe(true);
  });

  it('stops waiting after graceMs and closes anyway', async () => {
    const never = gate();
    const { factory, sessions } = scriptedSessions({ audioChunks: 5, gate: never.promise });
    server = await startTestServer({ sessionFactory: factory });
    const idle = await server.connect();
    const busy = await server.connect();
    busy.send({ type: 'response.create' });
    await busy.nextEvent('response.audio.delta');
    let done = false;
    busy.on('event', (event) => {
      if (event.type === 'response.done') done = true;
    });

    await server.realtime.close(30);
    expect((await busy.closed).code).toBe(1001);
    expect((await idle.closed).code).toBe(1001);
    expect(done).toBe(false);
    expect(sessions.every((session) => session.closed)).toBe(true);
    never.open();
  });
});
