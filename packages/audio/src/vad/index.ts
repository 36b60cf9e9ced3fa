export { EnergyVad } from './energy-vad.js';
export type { EnergyVadOptions, VadEvent, VadFrame } from './types.js';
