export * from './errors.js';
export * from './format/index.js';
export * from './resampler/index.js';
export * from './vad/index.js';
export * from './jitter/index.js';
