export { JitterBuffer, type JitterBufferState } from './jitter-buffer.js';
export type { JitterBufferOptions } from './options.js';
export type { JitterBufferStats } from './stats.js';
