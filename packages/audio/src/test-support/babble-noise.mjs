// Babble-like noise: several espeak talkers (different voices, pitches,
// rates and texts, English and Mandarin) each level-normalized to the same
// active speech level, looped from a random offset and summed. None of these
// texts occur in the speech corpus.
import { frameTruth } from './frame-truth.mjs';
import { seededRandom } from './prng.mjs';
import { synthesizeSpeech } from './speech-synth.mjs';

export const BABBLE_TALKERS = [
  {
    voice: 'en-us+m3',
    pitch: 35,
    wordsPerMinute: 165,
    text: 'I told him the report was due on Friday, but he said the printer on the third floor had been broken since March, so nothing could be done.',
  },
  {
    voice: 'en+f4',
    pitch: 60,
    wordsPerMinute: 180,
    text: 'We walked along the river for an hour and then found a small cafe that sold the best lemon cake I have ever tasted in my whole life.',
  },
  {
    voice: 'cmn+m1',
    pitch: 45,
    text: '我们昨天下午去了公园，人特别多，孩子们在草地上放风筝，老人们在树下下棋聊天。',
  },
  {
    voice: 'en-us+f1',
    pitch: 70,
    wordsPerMinute: 190,
    text: 'Honestly the train was so crowded this morning that I had to stand the entire way, holding my coffee above my head like a trophy.',
  },
  {
    voice: 'cmn+f4',
    pitch: 65,
    text: '这个周末我打算整理一下房间，再去超市买点水果和蔬菜，晚上可能和朋友一起看电影。',
  },
  {
    voice: 'en+m7',
    pitch: 25,
    wordsPerMinute: 150,
    text: 'The committee reviewed every proposal twice, and in the end they chose the plan with the longest timeline and the smallest budget.',
  },
];

/**
 * Sum of `talkers` looped espeak voices (at most BABBLE_TALKERS.length),
 * each at unit active level, the whole at unit RMS.
 * @param {number} length samples
 * @param {number} sampleRate
 * @param {{ talkers?: number, seed?: number }} [options]
 */
export async function babbleNoise(length, sampleRate, options = {}) {
  const { talkers = BABBLE_TALKERS.length, seed = 3 } = options;
  const random = seededRandom(seed);
  const out = new Float64Array(length);
  for (const talker of BABBLE_TALKERS.slice(0, talkers)) {
    const { samples } = await synthesizeSpeech(talker.text, {
      voice: talker.voice,
      pitch: talker.pitch,
      wordsPerMinute: talker.wordsPerMinute,
      sampleRate,
    });
    const { activeLevel } = frameTruth(samples, sampleRate);
    const gain = activeLevel > 0 ? 1 / Math.sqrt(activeLevel) : 0;
    const offset = Math.floor(random() * samples.length);
    for (let i = 0; i < length; i++) out[i] += samples[(i + offset) % samples.length] * gain;
  }
  let acc = 0;
  for (let i = 0; i < length; i++) acc += out[i] * out[i];
  const scale = acc > 0 ? 1 / Math.sqrt(acc / length) : 0;
  const result = new Float32Array(length);
  for (let i = 0; i < length; i++) result[i] = out[i] * scale;
  return result;
}
