export { Resampler } from './resampler.js';
export type { ResamplerOptions, SampleArray } from './resampler.js';
export { resample } from './resample.js';
export type { ResampleOptions } from './resample.js';
export { QUALITY_PRESETS } from './quality.js';
export type { QualityPreset, ResamplerQuality } from './quality.js';
