// The server under test, alone in its own process: `node server-process.mjs
// parley|bare`. `parley` is createRealtimeServer (built dist) with the echo
// engine and the espeak-ng voice; `bare` is a plain `ws` server that parses
// each JSON message and sends it back, the ceiling to compare with. It
// listens on 127.0.0.1 (port 0), tells the parent its port over IPC, and
// measures its own event-loop delay, CPU and memory over the windows the
// parent opens and closes.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';

const mode = process.argv[2];
const http = createServer();
let sessions = () => 0;

if (mode === 'parley') {
  const { createRealtimeServer } = await import('../dist/index.js');
  const { EchoEngine } = await import('@parley/runtime');
  const { createEspeakSynthesizer } = await import('@parley/engine-espeak');
  const synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
  const realtime = createRealtimeServer({
    server: http,
    engine: new EchoEngine({ synthesizer }),
    sessionOptions: { synthesizerVoices: synthesizer.voices().map((voice) => voice.id) },
    limits: { maxSessions: 5000 },
  });
  sessions = () => realtime.sessionCount;
} else if (mode === 'bare') {
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 21 * 1024 * 1024 });
  wss.on('connection', (ws) => {
    ws.on('message', (data) => ws.send(JSON.stringify(JSON.parse(data.toString()))));
  });
  sessions = () => wss.clients.size;
} else {
  console.error('usage: server-process.mjs parley|bare');
  process.exit(2);
}

const delay = monitorEventLoopDelay({ resolution: 2 });
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
let window = null;

function sampleRss() {
  if (window) window.rssPeak = Math.max(window.rssPeak, process.memoryUsage().rss);
}

process.on('message', (message) => {
  if (message.cmd === 'window-start') {
    delay.reset();
    delay.enable();
    window = { cpu: process.cpuUsage(), at: performance.now(), fromUs: nowUs(), rssPeak: 0, sampler: setInterval(sampleRss, 250) };
    sampleRss();
  } else if (message.cmd === 'window-end' && window) {
    delay.disable();
    clearInterval(window.sampler);
    sampleRss();
    const cpu = process.cpuUsage(window.cpu);
    const wallMs = performance.now() - window.at;
    process.send({
      type: 'server-window',
      loopP50Ms: delay.percentile(50) / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
      loopMaxMs: delay.max / 1e6,
      cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
      rssPeakMb: window.rssPeak / 2 ** 20,
      sessions: sessions(),
      // On the monotonic clock a CPU profile's timestamps use, to cut the window out of it.
      fromUs: window.fromUs,
      toUs: nowUs(),
    });
    window = null;
  } else if (message.cmd === 'exit') {
    // A normal exit, so that --cpu-prof writes its profile.
    process.exit(0);
  }
});

http.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: http.address().port }));
