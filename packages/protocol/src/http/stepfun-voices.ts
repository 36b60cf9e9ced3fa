/**
 * StepFun's official voice ids (notes Part 2 §2.6, §4.4; spec 000 for the chat voices).
 *
 * The documents give only ids (plus a few Chinese names in spec 000 and §2.2). The ids
 * are pinyin or English descriptions, so `gender` and `character` below are read from
 * the id itself (e.g. `wenrounansheng` = 温柔男声, "gentle male voice"); `gender` is
 * `null` where the id does not say. The embedded engine maps voices by these two fields.
 */

export type StepfunTtsModel = 'stepaudio-2.5-tts' | 'step-tts-2' | 'step-tts-mini';
export type VoiceGender = 'female' | 'male';

/** What a synthesizer needs to pick a look-alike voice. */
export interface VoiceTraits {
  readonly id: string;
  readonly gender: VoiceGender | null;
  /** One or two English words for the voice's character, from its id. */
  readonly character: string;
}

export interface StepfunVoice extends VoiceTraits {
  /** TTS models that list the voice. */
  readonly models: readonly StepfunTtsModel[];
  /** Language, when the sources say the voice is not a Chinese one. */
  readonly language?: 'en';
}

const ALL: readonly StepfunTtsModel[] = ['stepaudio-2.5-tts', 'step-tts-2', 'step-tts-mini'];
const NOT_MINI: readonly StepfunTtsModel[] = ['stepaudio-2.5-tts', 'step-tts-2'];
const TTS_2: readonly StepfunTtsModel[] = ['step-tts-2'];

const v = (
  id: string,
  gender: VoiceGender | null,
  character: string,
  models: readonly StepfunTtsModel[],
  language?: 'en',
): StepfunVoice => (language ? { id, gender, character, models, language } : { id, gender, character, models });

export const STEPFUN_VOICES: readonly StepfunVoice[] = [
  v('elegantgentle-female', 'female', 'elegant', ALL),
  v('livelybreezy-female', 'female', 'lively', ALL),
  v('wenrounansheng', 'male', 'gentle', ALL),
  v('wenrougongzi', 'male', 'gentle young', ALL),
  v('yuanqinansheng', 'male', 'energetic', ALL),
  v('jingdiannvsheng', 'female', 'classic', ALL),
  v('wenroushunv', 'female', 'gentle ladylike', ALL),
  v('tianmeinvsheng', 'female', 'sweet', ALL),
  v('qingchunshaonv', 'female', 'youthful', ALL),
  v('cixingnansheng', 'male', 'magnetic', ALL),
  v('yuanqishaonv', 'female', 'energetic young', ALL),
  v('linjiajiejie', 'female', 'friendly', ALL),
  v('zhengpaiqingnian', 'male', 'upright young', ALL),
  v('qingniandaxuesheng', 'male', 'student', ALL),
  v('boyinnansheng', 'male', 'announcer', ALL),
  v('ruyananshi', 'male', 'refined', ALL),
  v('shenchennanyin', 'male', 'deep', ALL),
  v('qinqienvsheng', 'female', 'warm', ALL),
  v('wenrounvsheng', 'female', 'gentle', ALL),
  v('jilingshaonv', 'female', 'quick-witted young', ALL),
  v('ruanmengnvsheng', 'female', 'cute', ALL),
  v('youyanvsheng', 'female', 'graceful', ALL),
  v('lengyanyujie', 'female', 'cool mature', ALL),
  v('shuangkuaijiejie', 'female', 'brisk', ALL),
  v('wenjingxuejie', 'female', 'quiet', ALL),
  v('linjiameimei', 'female', 'sweet young', ALL),
  v('zhixingjiejie', 'female', 'intellectual', ALL),
  v('vibrant-youth', null, 'vibrant young', NOT_MINI),
  v('lively-girl', 'female', 'lively young', NOT_MINI),
  v('soft-spoken-gentleman', 'male', 'soft-spoken', NOT_MINI),
  v('magnetic-voiced-male', 'male', 'magnetic', NOT_MINI),
  v('zixinnansheng', 'male', 'confident', NOT_MINI),
  v('shuangkuainansheng', 'male', 'brisk', NOT_MINI),
  v('ganliannvsheng', 'female', 'capable', NOT_MINI),
  v('qinhenvsheng', 'female', 'approachable', NOT_MINI),
  v('huolinvsheng', 'female', 'lively', NOT_MINI),
  v('energeticconfident-female', 'female', 'confident', TTS_2, 'en'),
];

/** Voices of the `step-audio-2` chat and realtime models (spec 000). */
export const STEP_AUDIO_2_VOICES = ['wenrounansheng', 'qingchunshaonv', 'livelybreezy-female', 'elegantgentle-female'] as const;
/** `step-audio-2-mini` speaks with these two only (notes Part 2 §4.4). */
export const STEP_AUDIO_2_MINI_VOICES = ['qingchunshaonv', 'wenrounansheng'] as const;

/** Volcengine's default voice (notes Part 1 "Voices of the embedded engine"). */
export const VOLCENGINE_DEFAULT_VOICE: VoiceTraits = {
  id: 'zh_female_tianmeixiaoyuan_moon_bigtts',
  gender: 'female',
  character: 'sweet',
};

const byId = new Map(STEPFUN_VOICES.map((voice) => [voice.id, voice]));

export function stepfunVoice(id: string): StepfunVoice | undefined {
  return byId.get(id);
}
