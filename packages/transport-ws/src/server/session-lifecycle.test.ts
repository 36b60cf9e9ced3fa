import type { Session, SessionFactory } from '@parley/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { closeOf, openRawClient, startTestServer, type TestServer } from '../test-support/harness.js';
import { ScriptedSession, scriptedSessions } from '../test-support/scripted-session.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('session lifecycle', () => {
  it('closes the socket with the code a session ends with, and closes the session', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const raw = await openRawClient(server.url());
    const closed = closeOf(raw.ws);
    await raw.nextFrame();
    sessions[0]!.context.end(4000, 'session over');
    expect(await closed).toEqual({ code: 4000, reason: 'session over' });
    expect(sessions[0]!.log.at(-1)).toEqual({ kind: 'close', reason: 'session over' });
  });

  it('closes a session that ends itself while it is being created', async () => {
    const made: ScriptedSession[] = [];
    const factory: SessionFactory = (context) => {
      const session = new ScriptedSession('sess_x', context, {});
      made.push(session);
      context.end(4001, 'not today');
      return session;
    };
    server = await startTestServer({ sessionFactory: factory });
    const raw = await openRawClient(server.url());
    const closed = closeOf(raw.ws);
    expect((await raw.nextFrame()).type).toBe('session.created');
    expect(await closed).toEqual({ code: 4001, reason: 'not today' });
    expect(made[0]!.log).toEqual([{ kind: 'close', reason: 'not today' }]);
  });

  it('answers a factory that throws with server_error and close 1011', async () => {
    server = await startTestServer({
      sessionFactory: () => {
        throw new Error('no engine today');
      },
    });
    const client = await server.connect();
    const error = await client.nextEvent('error');
    expect(error.error).toMatchObject({ type: 'server_error', code: 'server_error' });
    expect((await client.closed).code).toBe(1011);
  });

  it('turns a session that throws from handle into a server_error event and goes on', async () => {
    const { factory, sessions } = scriptedSessions();
    const throwing: SessionFactory = (context) => {
      const session = factory(context) as ScriptedSession;
      const handle = session.handle.bind(session);
      const wrapped: Session = {
        id: session.id,
        handle: (event) => {
          if (event.type === 'input_audio_buffer.clear') throw new Error('bug');
          handle(event);
        },
        switchDialect: (dialect) => session.switchDialect(dialect),
        close: (reason) => session.close(reason),
        idle: () => session.idle(),
      };
      return wrapped;
    };
    server = await startTestServer({ sessionFactory: throwing });
    const client = await server.connect();
    client.send({ type: 'input_audio_buffer.clear', event_id: 'c1' });
    const error = await client.nextEvent('error');
    expect(error.error).toMatchObject({ type: 'server_error', event_id: 'c1' });
    client.send({ type: 'response.create' });
    await client.nextEvent('response.done');
    expect(sessions[0]!.closed).toBe(false);
    await client.close();
  });
});
