import type { Dialect } from '@parley/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeClientError } from '../client/event-inbox.js';
import { openRawClient, rawUpgrade, startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('authentication', () => {
  it('accepts the bearer header and refuses a wrong or missing key with 401 and a JSON body', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, auth: { keys: ['k-one', 'k-two'] } });
    const client = await server.connect({ apiKey: 'k-two' });
    expect((await client.nextEvent('session.created')).type).toBe('session.created');
    await client.close();

    const attempts: Record<string, string>[] = [{ Authorization: 'Bearer nope' }, {}, { Authorization: 'Basic k-one' }];
    for (const headers of attempts) {
      const answer = await rawUpgrade(server.port, '/v1/realtime', headers);
      if (answer === 'upgraded') throw new Error('upgraded without a valid key');
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.headers['content-type']).toMatch(/application\/json/);
      const body = JSON.parse(answer.body);
      expect(body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    }
    const refused = await server.connect({ apiKey: 'wrong' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RealtimeClientError);
    expect((refused as RealtimeClientError).status).toBe(401);
  });

  it('accepts the browser subprotocol key and answers the `realtime` subprotocol', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, auth: { keys: ['k-one'] } });
    const client = await server.connect({ apiKey: 'k-one', auth: 'subprotocol' });
    expect(client.protocol).toBe('realtime');
    await client.nextEvent('session.created');
    await client.close();

    const keyOnly = await openRawClient(server.url(), ['openai-insecure-api-key.k-one']);
    expect(keyOnly.ws.protocol).toBe('openai-insecure-api-key.k-one');
    keyOnly.ws.close();
    const bad = await rawUpgrade(server.port, '/v1/realtime', {
      'Sec-WebSocket-Protocol': 'realtime, openai-insecure-api-key.other',
    });
    expect(bad !== 'upgraded' && bad.status).toBe(401);
  });

  it('runs a custom check, and lets everyone in when auth is off', async () => {
    server = await startTestServer({
      sessionFactory: scriptedSessions().factory,
      auth: async (request) => request.headers['x-team'] === 'blue',
    });
    const client = await server.connect({ headers: { 'X-Team': 'blue' } });
    await client.close();
    const refused = await rawUpgrade(server.port, '/v1/realtime', { 'X-Team': 'red' });
    expect(refused !== 'upgraded' && refused.status).toBe(401);
    await server.close();

    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const open = await server.connect();
    expect((await open.nextEvent()).type).toBe('session.created');
    expect(open.protocol).toBe('');
    await open.close();
  });
});

describe('dialect at connect time', () => {
  const cases: { name: string; query?: Record<string, string>; headers?: Record<string, string>; protocols?: string[]; expected: Dialect }[] = [
    { name: 'the route default', expected: 'stepfun' },
    { name: '?dialect=volcengine', query: { dialect: 'volcengine' }, expected: 'volcengine' },
    { name: '?dialect=openai', query: { dialect: 'openai' }, expected: 'openai' },
    { name: 'the OpenAI-Beta header', headers: { 'OpenAI-Beta': 'realtime=v1' }, expected: 'openai-beta' },
    { name: 'the beta subprotocol', protocols: ['realtime', 'openai-beta.realtime-v1'], expected: 'openai-beta' },
    { name: 'a gpt- model', query: { model: 'gpt-realtime' }, expected: 'openai' },
    { name: 'an AG- model', query: { model: 'AG-voice-chat' }, expected: 'volcengine' },
    { name: 'X-Conversation-Id', headers: { 'X-Conversation-Id': 'conv-7' }, expected: 'volcengine' },
    { name: '?dialect= over the model', query: { dialect: 'stepfun', model: 'gpt-realtime' }, expected: 'stepfun' },
    { name: 'the beta header over the model', query: { model: 'gpt-realtime' }, headers: { 'OpenAI-Beta': 'realtime=v1' }, expected: 'openai-beta' },
    { name: 'a gpt- model over X-Conversation-Id', query: { model: 'gpt-x' }, headers: { 'X-Conversation-Id': 'c' }, expected: 'openai' },
  ];

  it.each(cases)('picks $expected from $name, and session.created goes out in it', async ({ query, headers, protocols, expected }) => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const raw = await openRawClient(server.url(query), protocols, headers);
    const created = await raw.nextFrame();
    expect(sessions[0]!.context.dialect).toBe(expected);
    expect(created.type).toBe('session.created');
    const session = created.session as Record<string, unknown>;
    if (expected === 'openai') expect(session.type).toBe('realtime');
    else expect(session.type).toBeUndefined();
    raw.ws.close();
  });

  it('passes the model, the conversation id and the route default; serves both paths', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory, dialect: 'openai-beta', defaultModel: 'parley-echo' });
    const a = await server.connect({ path: '/step_plan/v1/realtime', headers: { 'X-Conversation-Id': 'conv-9' } });
    const b = await server.connect({ query: { model: 'step-1o-audio' } });
    expect(sessions[0]!.context).toMatchObject({ dialect: 'volcengine', model: 'parley-echo', conversationId: 'conv-9' });
    expect(sessions[1]!.context).toMatchObject({ dialect: 'openai-beta', model: 'step-1o-audio' });
    expect(sessions[1]!.context.conversationId).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses an unknown ?dialect= with 400 before the upgrade', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const answer = await rawUpgrade(server.port, '/v1/realtime?dialect=klingon');
    if (answer === 'upgraded') throw new Error('upgraded');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'invalid_value', param: 'dialect' });
  });
});

describe('paths and capacity', () => {
  it('answers 404 on other paths when it is the only upgrade listener, else leaves them alone', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const answer = await rawUpgrade(server.port, '/v1/realtime/audio');
    expect(answer !== 'upgraded' && answer.status).toBe(404);

    server.http.on('upgrade', (request, socket) => {
      if (request.url === '/elsewhere') socket.end('HTTP/1.1 418 I\'m a teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    const other = await rawUpgrade(server.port, '/elsewhere');
    expect(other !== 'upgraded' && other.status).toBe(418);
  });

  it('refuses the session over maxSessions with 429 session_limit_reached, and frees the slot on close', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, limits: { maxSessions: 1 } });
    const first = await server.connect();
    await first.nextEvent('session.created');
    const answer = await rawUpgrade(server.port, '/v1/realtime');
    if (answer === 'upgraded') throw new Error('upgraded');
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body).error).toMatchObject({ type: 'rate_limit_error', code: 'session_limit_reached' });
    expect(server.realtime.sessionCount).toBe(1);

    const gone = new Promise<void>((resolve) => server!.realtime.on('disconnect', () => resolve()));
    await first.close();
    await gone;
    expect(server.realtime.sessionCount).toBe(0);
    const again = await server.connect();
    await again.nextEvent('session.created');
    await again.close();
  });

  it('holds maxSessions exactly under a burst of parallel connects', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, limits: { maxSessions: 20 } });
    const attempts = await Promise.allSettled(Array.from({ length: 30 }, () => server!.connect()));
    const accepted = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    const refused = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as RealtimeClientError] : []));
    expect(accepted).toHaveLength(20);
    expect(refused.map((error) => error.status)).toEqual(Array(10).fill(429));
    expect(server.realtime.sessionCount).toBe(20);
    await Promise.all(accepted.map((client) => client.close()));
  });
});
