import { RuntimeError, type VoiceInfo } from '@parley/runtime';

/** How one public voice id is rendered by espeak-ng. */
export interface EspeakVoice {
  /** Gender of the voice the id names; drives the variant choice. */
  gender: 'female' | 'male' | 'neutral';
  /** espeak-ng voice variant (a file under `voices/!v`), appended as `<lang>+<variant>`. */
  variant: string;
  /** espeak-ng `-p`: base pitch adjustment, 0-99 (50 = the variant's own). */
  pitch: number;
  /** espeak-ng `-P`: pitch range adjustment, 0-99 (50 = the variant's own; lower is flatter). */
  pitchRange: number;
  /** Speaking-rate factor applied to espeak-ng's 175 words per minute. */
  rate: number;
  /** Where the id comes from. */
  origin: 'stepfun' | 'volcengine' | 'openai';
  /** The character the id describes, in a few words. */
  character: string;
}

type Row = [gender: EspeakVoice['gender'], variant: string, pitch: number, pitchRange: number, rate: number, character: string];

function rows(origin: EspeakVoice['origin'], table: Record<string, Row>): Record<string, EspeakVoice> {
  const out: Record<string, EspeakVoice> = {};
  for (const [id, [gender, variant, pitch, pitchRange, rate, character]] of Object.entries(table)) {
    out[id] = { gender, variant, pitch, pitchRange, rate, origin, character };
  }
  return out;
}

/**
 * Every voice id the embedded engine answers to, and how espeak-ng renders it.
 *
 * Female ids use espeak-ng's female variants (f1-f5, base pitch 140-160 Hz),
 * male ids its male ones (m1-m8, 65-90 Hz); pitch, pitch range and rate then
 * sketch the character the id names: "sweet" and "girl" voices sit higher
 * and livelier, "gentle" and "elegant" ones flatter and a little slower,
 * "deep" and "magnetic" male voices lower, "brisk" and "energetic" faster.
 * These are espeak-ng renderings chosen by gender and character, not
 * imitations of the vendors' voices.
 *
 * Ids: StepFun's official TTS and realtime voices, Volcengine's default voice
 * (and the two its realtime examples use), and OpenAI's voice names (clients
 * written for OpenAI send them).
 */
export const espeakVoices: Readonly<Record<string, Readonly<EspeakVoice>>> = Object.freeze({
  ...rows('stepfun', {
    'elegantgentle-female': ['female', 'f4', 48, 40, 0.95, 'elegant and gentle'],
    'livelybreezy-female': ['female', 'f5', 60, 70, 1.08, 'lively and breezy'],
    'energeticconfident-female': ['female', 'f1', 56, 65, 1.08, 'energetic and confident'],
    'lively-girl': ['female', 'f5', 64, 70, 1.1, 'lively young girl'],
    jingdiannvsheng: ['female', 'f1', 50, 50, 1.0, 'classic, even'],
    wenroushunv: ['female', 'f4', 45, 40, 0.92, 'gentle, ladylike'],
    tianmeinvsheng: ['female', 'f3', 62, 60, 1.0, 'sweet'],
    qingchunshaonv: ['female', 'f5', 62, 60, 1.05, 'youthful girl'],
    yuanqishaonv: ['female', 'f3', 66, 75, 1.1, 'energetic girl'],
    linjiajiejie: ['female', 'f2', 50, 50, 1.0, 'friendly elder sister next door'],
    qinqienvsheng: ['female', 'f1', 52, 55, 1.0, 'warm, friendly'],
    wenrounvsheng: ['female', 'f4', 52, 45, 0.97, 'gentle'],
    jilingshaonv: ['female', 'f5', 64, 70, 1.12, 'quick-witted girl'],
    ruanmengnvsheng: ['female', 'f3', 68, 65, 0.95, 'soft and cute'],
    youyanvsheng: ['female', 'f4', 46, 45, 0.93, 'elegant'],
    lengyanyujie: ['female', 'f2', 40, 30, 0.95, 'cool, mature'],
    shuangkuaijiejie: ['female', 'f1', 52, 60, 1.1, 'brisk, straightforward elder sister'],
    wenjingxuejie: ['female', 'f4', 50, 35, 0.92, 'quiet, composed senior student'],
    linjiameimei: ['female', 'f3', 64, 60, 1.05, 'younger sister next door'],
    zhixingjiejie: ['female', 'f2', 45, 45, 0.97, 'intellectual elder sister'],
    ganliannvsheng: ['female', 'f1', 48, 45, 1.1, 'capable, crisp'],
    qinhenvsheng: ['female', 'f4', 52, 50, 1.0, 'approachable'],
    huolinvsheng: ['female', 'f5', 60, 75, 1.12, 'vibrant'],
    wenrounansheng: ['male', 'm3', 48, 40, 0.95, 'gentle'],
    wenrougongzi: ['male', 'm6', 52, 40, 0.95, 'gentle young gentleman'],
    yuanqinansheng: ['male', 'm3', 60, 70, 1.1, 'energetic'],
    cixingnansheng: ['male', 'm8', 40, 40, 0.93, 'magnetic, low'],
    zhengpaiqingnian: ['male', 'm2', 52, 50, 1.0, 'upright young man'],
    qingniandaxuesheng: ['male', 'm7', 58, 60, 1.05, 'young university student'],
    boyinnansheng: ['male', 'm2', 45, 55, 0.95, 'announcer'],
    ruyananshi: ['male', 'm6', 45, 40, 0.92, 'refined gentleman'],
    shenchennanyin: ['male', 'm8', 32, 30, 0.9, 'deep, grave'],
    'vibrant-youth': ['male', 'm7', 60, 70, 1.1, 'vibrant young man'],
    'soft-spoken-gentleman': ['male', 'm6', 45, 35, 0.92, 'soft-spoken gentleman'],
    'magnetic-voiced-male': ['male', 'm8', 44, 45, 0.95, 'magnetic, low'],
    zixinnansheng: ['male', 'm1', 50, 60, 1.05, 'confident'],
    shuangkuainansheng: ['male', 'm2', 55, 60, 1.12, 'brisk, straightforward'],
  }),
  ...rows('volcengine', {
    zh_female_tianmeixiaoyuan_moon_bigtts: ['female', 'f3', 60, 60, 1.0, 'sweet (Volcengine default)'],
    zh_female_tianmeiyueyue_moon_bigtts: ['female', 'f5', 62, 60, 1.0, 'sweet, bright'],
    zh_male_shaonianzixin_moon_bigtts: ['male', 'm7', 62, 60, 1.05, 'youthful'],
  }),
  ...rows('openai', {
    alloy: ['neutral', 'm7', 72, 50, 1.0, 'neutral, balanced'],
    ash: ['male', 'm3', 45, 50, 1.0, 'steady, clear'],
    ballad: ['male', 'm6', 55, 65, 0.95, 'expressive, melodic'],
    coral: ['female', 'f1', 55, 60, 1.05, 'warm, bright'],
    echo: ['male', 'm2', 50, 45, 1.0, 'calm, even'],
    sage: ['female', 'f4', 45, 40, 0.95, 'calm, measured'],
    shimmer: ['female', 'f2', 52, 55, 1.0, 'soft, clear'],
    verse: ['male', 'm7', 55, 65, 1.0, 'versatile, expressive'],
    marin: ['female', 'f5', 55, 55, 1.0, 'natural, conversational'],
    cedar: ['male', 'm1', 45, 45, 0.98, 'natural, grounded'],
    fable: ['male', 'm5', 50, 60, 1.0, 'storyteller'],
    onyx: ['male', 'm8', 38, 40, 0.97, 'deep'],
    nova: ['female', 'f3', 58, 60, 1.05, 'bright, youthful'],
  }),
});

/** The ids of {@link espeakVoices}, in table order. */
export const espeakVoiceIds: readonly string[] = Object.freeze(Object.keys(espeakVoices));

/** `voices()` of the synthesizer: every id with its gender and a description. */
export function listEspeakVoices(): readonly VoiceInfo[] {
  return voiceInfos;
}

const voiceInfos: readonly VoiceInfo[] = Object.freeze(
  espeakVoiceIds.map((id) => {
    const v = espeakVoices[id]!;
    return Object.freeze({
      id,
      gender: v.gender,
      languages: ['zh', 'en'],
      description: `${v.gender === 'neutral' ? 'Neutral' : v.gender === 'female' ? 'Female' : 'Male'}, ${v.character} (espeak-ng ${v.variant}, ${v.origin} id)`,
    });
  }),
);

/**
 * The espeak-ng rendering of a voice id. An unknown id throws `RuntimeError`
 * `invalid_value` with `param: "voice"`, whose message lists the valid ids.
 */
export function resolveEspeakVoice(id: string): Readonly<EspeakVoice> {
  const voice = typeof id === 'string' && Object.hasOwn(espeakVoices, id) ? espeakVoices[id] : undefined;
  if (!voice) {
    const shown = typeof id === 'string' ? JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id) : String(id);
    throw new RuntimeError('invalid_value', `Unknown voice ${shown}. Valid voices: ${espeakVoiceIds.join(', ')}.`, {
      param: 'voice',
    });
  }
  return voice;
}
