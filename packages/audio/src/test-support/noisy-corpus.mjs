// The speech corpus mixed with white, pink and babble noise at several SNRs
// (measured over speech-active frames): the conditions VAD quality is judged on.
import { babbleNoise } from './babble-noise.mjs';
import { mixAtSnr, toPcm16 } from './mix.mjs';
import { pinkNoise, whiteNoise } from './noise.mjs';
import { buildSpeechCorpus } from './speech-corpus.mjs';

export const NOISE_TYPES = ['white', 'pink', 'babble'];
export const SNRS_DB = [20, 10, 5];

/** A unit-RMS noise track of the given type. */
export function makeNoise(type, length, sampleRate, seed = 7) {
  switch (type) {
    case 'white':
      return Promise.resolve(whiteNoise(length, seed));
    case 'pink':
      return Promise.resolve(pinkNoise(length, seed));
    case 'babble':
      return babbleNoise(length, sampleRate, { seed });
    default:
      return Promise.reject(new Error(`unknown noise type ${type}`));
  }
}

/**
 * @param {{ sampleRate?: number, noiseTypes?: string[], snrsDb?: number[], seed?: number }} [options]
 */
export async function buildNoisyConditions(options = {}) {
  const { sampleRate = 16000, noiseTypes = NOISE_TYPES, snrsDb = SNRS_DB, seed = 7 } = options;
  const corpus = await buildSpeechCorpus({ sampleRate });
  const conditions = [];
  for (const noise of noiseTypes) {
    const track = await makeNoise(noise, corpus.samples.length, sampleRate, seed);
    for (const snrDb of snrsDb) {
      const samples = mixAtSnr(corpus.samples, track, snrDb, corpus.truth.active, sampleRate, corpus.truth.frameMs);
      conditions.push({ noise, snrDb, samples, pcm16: toPcm16(samples) });
    }
  }
  return { corpus, conditions };
}
