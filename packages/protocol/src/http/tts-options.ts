/**
 * Vocabulary shared by streaming TTS (`tts.create`) and `POST /v1/audio/speech`
 * (notes Part 2 §1.5, §2.1, §2.7): formats, sample rates, `voice_label`,
 * `pronunciation_map`, and the Markdown-filter flag in its two spellings.
 */
import Type, { type Static } from 'typebox';
import type { ProtocolError } from '../errors.js';
import { joinParam, wrongValue } from './param-errors.js';

export const TTS_MODELS = ['step-tts-2', 'step-tts-mini', 'stepaudio-2.5-tts', 'step-tts-vivid'] as const;

/** `response_format` of streaming TTS: plain formats make each delta a whole file, `*_stream` fragments of one. */
export const TTS_STREAM_FORMATS = ['wav', 'mp3', 'flac', 'opus', 'pcm', 'mp3_stream', 'opus_stream', 'flac_stream'] as const;
export type TtsStreamFormat = (typeof TTS_STREAM_FORMATS)[number];

/** `response_format` of `POST /v1/audio/speech` (`aac` is on an older international page). */
export const SPEECH_FORMATS = ['wav', 'mp3', 'flac', 'opus', 'pcm', 'aac'] as const;
export type SpeechFormat = (typeof SPEECH_FORMATS)[number];

export const TTS_SAMPLE_RATES = [8000, 16000, 22050, 24000, 48000] as const;
export type TtsSampleRate = (typeof TTS_SAMPLE_RATES)[number];
export const DEFAULT_TTS_SAMPLE_RATE = 24000;

/** Documented `voice_label` values (§2.7); the wire values are these Chinese strings. */
export const VOICE_LABEL_LANGUAGES = ['粤语', '四川话', '日语'] as const;
export const VOICE_LABEL_EMOTIONS = ['高兴', '非常高兴', '悲伤', '生气', '非常生气', '撒娇', '恐惧', '惊讶', '兴奋', '钦佩', '困惑'] as const;
export const VOICE_LABEL_STYLES = [
  '慢速',
  '极慢',
  '快速',
  '极快',
  '冷漠',
  '尴尬',
  '沮丧',
  '骄傲',
  '温柔',
  '甜美',
  '豪爽',
  '严肃',
  '傲慢',
  '老年',
  '吼叫',
  '阴阳怪气',
  '磕巴',
] as const;

/** Exactly one of the three keys may be set (checked by `checkVoiceLabel`). */
export const VoiceLabelSchema = Type.Object({
  language: Type.Optional(Type.String()),
  emotion: Type.Optional(Type.String()),
  style: Type.Optional(Type.String()),
});
export type VoiceLabel = Static<typeof VoiceLabelSchema>;

const PronunciationRules = Type.Object({
  tone: Type.Array(Type.String({ description: '"<original>/<replacement>", e.g. "阿胶/e1胶"' })),
});
/** Documented as one `{tone: [...]}` object; the official SDK sends a list of them. Both accepted. */
export const PronunciationMapSchema = Type.Union([PronunciationRules, Type.Array(PronunciationRules)]);
export type PronunciationMap = Static<typeof PronunciationMapSchema>;

/** All rules of a pronunciation map, whichever form it came in. */
export function pronunciationRules(map: PronunciationMap | undefined): string[] {
  if (!map) return [];
  return Array.isArray(map) ? map.flatMap((m) => m.tone) : [...map.tone];
}

export const TtsFeaturesSchema = Type.Object({ enable_markdown_filter: Type.Optional(Type.Boolean()) });

/** Markdown filtering is on when either spelling says so (`markdown_filter` or `features.enable_markdown_filter`). */
export function markdownFilterEnabled(options: {
  markdown_filter?: boolean;
  features?: { enable_markdown_filter?: boolean };
}): boolean {
  return options.markdown_filter === true || options.features?.enable_markdown_filter === true;
}

/** `voice_label` must hold exactly one of `language`, `emotion`, `style`. */
export function checkVoiceLabel(label: VoiceLabel | undefined, ...path: Array<string | number>): ProtocolError | null {
  if (!label) return null;
  const set = (['language', 'emotion', 'style'] as const).filter((k) => label[k] !== undefined);
  if (set.length === 1) return null;
  const detail =
    set.length === 0
      ? 'set exactly one of language, emotion, style.'
      : `set exactly one of language, emotion, style (got ${set.join(', ')}).`;
  return wrongValue(joinParam(...path, 'voice_label'), detail);
}

/** True for `*_stream` formats, whose deltas are fragments of one file. */
export function isFragmentedTtsFormat(format: TtsStreamFormat): boolean {
  return format.endsWith('_stream');
}
