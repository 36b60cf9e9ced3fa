import { get } from 'node:http';
import { connectRealtime } from '@parley/transport-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Gateway, startGateway } from './gateway.js';

let gateway: Gateway | undefined;
afterEach(async () => {
  await gateway?.close(100);
  gateway = undefined;
});

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    }).on('error', reject);
  });
}

describe('gateway', () => {
  it('is healthy once listening, and speaks a typed turn back with the echo engine', async () => {
    gateway = await startGateway({ host: '127.0.0.1', port: 0, apiKeys: [] });
    expect(await getJson(`${gateway.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok', sessions: 0 } });
    expect((await getJson(`${gateway.url}/nope`)).status).toBe(404);

    const client = await connectRealtime({ url: `${gateway.url.replace('http', 'ws')}/v1/realtime`, WebSocket });
    const created = await client.nextEvent('session.created');
    expect(created.session.model).toBe('parley-echo');
    expect(await getJson(`${gateway.url}/healthz`)).toMatchObject({ body: { sessions: 1 } });

    client.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello there.' }] },
    });
    client.send({ type: 'response.create' });
    let audioDeltas = 0;
    client.on('event', (event) => {
      if (event.type === 'response.audio.delta') audioDeltas++;
    });
    const done = await client.nextEvent('response.done', 20_000);
    expect(done.response.status).toBe('completed');
    expect(audioDeltas).toBeGreaterThan(0);
    await client.close();
  });

  it('requires a key when keys are configured', async () => {
    gateway = await startGateway({ host: '127.0.0.1', port: 0, apiKeys: ['k1'] });
    const url = `${gateway.url.replace('http', 'ws')}/v1/realtime`;
    await expect(connectRealtime({ url, WebSocket })).rejects.toMatchObject({ status: 401 });
    const client = await connectRealtime({ url, WebSocket, apiKey: 'k1' });
    await client.nextEvent('session.created');
    await client.close();
  });
});
