/**
 * The session a client finds on connect, per dialect (notes Part 1,
 * "Dialects"): rates come from `DIALECT_DEFAULTS` through the formats (which
 * name no rate, so the dialect in force decides it), turn detection is off for
 * StepFun and Volcengine and `server_vad` with the Part 1 values for OpenAI,
 * and the voice is each vendor's documented default.
 */
import { DIALECT_DEFAULTS, type Dialect, SERVER_VAD_DEFAULT_VALUES, type SessionConfig } from '@parley/protocol';

/**
 * Each vendor's default voice, as its `session.created` shows it: StepFun's
 * examples use `linjiajiejie`, Volcengine documents
 * `zh_female_tianmeixiaoyuan_moon_bigtts`, OpenAI beta `alloy`, GA `marin`.
 */
export const DIALECT_VOICES: Readonly<Record<Dialect, string>> = {
  stepfun: 'linjiajiejie',
  volcengine: 'zh_female_tianmeixiaoyuan_moon_bigtts',
  'openai-beta': 'alloy',
  openai: 'marin',
};

/** Dialects whose vendor sends `conversation.created` right after `session.created` (OpenAI beta and GA). */
export function announcesConversation(dialect: Dialect): boolean {
  return dialect === 'openai' || dialect === 'openai-beta';
}

/**
 * The default voice: the dialect's own when the server accepts it (or
 * accepts any voice), else the first voice the server lists.
 */
export function defaultVoice(dialect: Dialect, voices: readonly string[] | undefined): string {
  const preferred = DIALECT_VOICES[dialect];
  if (voices === undefined || voices.length === 0 || voices.includes(preferred)) return preferred;
  return voices[0]!;
}

/**
 * The configuration in force before the client changes anything. Fields the
 * session always owns (`id`, `object`, `model`) are added by the settings.
 * `operatorDefaults` (the factory's `defaults`) override the dialect's.
 */
export function dialectSessionDefaults(
  dialect: Dialect,
  voices: readonly string[] | undefined,
  operatorDefaults: Partial<SessionConfig> | undefined,
): SessionConfig {
  const config: SessionConfig = {
    modalities: ['text', 'audio'],
    instructions: '',
    voice: defaultVoice(dialect, voices),
    input_audio_format: { encoding: 'pcm16' },
    output_audio_format: { encoding: 'pcm16' },
    input_audio_transcription: null,
    turn_detection:
      DIALECT_DEFAULTS[dialect].turnDetectionOnConnect === 'server_vad'
        ? { type: 'server_vad', ...SERVER_VAD_DEFAULT_VALUES }
        : null,
    tools: [],
    tool_choice: 'auto',
    max_response_output_tokens: 'inf',
  };
  if (DIALECT_DEFAULTS[dialect].sessionShape === 'nested') {
    config.input_audio_noise_reduction = null;
    config.speed = 1;
  }
  return { ...config, ...(operatorDefaults ?? {}) };
}
