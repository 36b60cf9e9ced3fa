// Reads a V8 CPU profile (`node --cpu-prof` output) and ranks functions by
// self time: the time the sampler found each function itself on top of the
// stack, summed over its call sites. Only samples between `fromUs` and `toUs`
// (the profile's monotonic microseconds) count, so start-up and teardown stay
// out of a measurement window.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Which part of the server a script belongs to: one of our packages, `ws`, Node itself, or V8. */
function componentOf(url) {
  const ours = /\/packages\/([^/]+)\//.exec(url);
  if (ours) return `@parley/${ours[1]}`;
  if (/\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?ws\//.test(url)) return 'ws';
  if (url.startsWith('node:')) return 'Node core (streams, net, crypto)';
  return url ? 'other' : 'V8 / native (GC, builtins, syscalls)';
}

export function topSelfTime(path, { fromUs = -Infinity, toUs = Infinity, count = 12 } = {}) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const components = new Map();
  let total = 0;
  let idle = 0;
  // timeDeltas[i] is the time between sample i-1 and sample i; it is charged to sample i.
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < fromUs || at > toUs) continue;
    const node = byId.get(profile.samples[i]);
    const frame = node.callFrame;
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const where = SPECIAL.has(name) || !frame.url ? '' : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
    const key = `${name}${where}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const component = componentOf(frame.url);
    components.set(component, (components.get(component) ?? 0) + us);
  }
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: us / total }));
  const byComponent = [...components]
    .sort((a, b) => b[1] - a[1])
    .map(([component, us]) => ({ component, ms: us / 1000, share: us / total }));
  return { busyMs: total / 1000, idleMs: idle / 1000, rows, byComponent };
}
