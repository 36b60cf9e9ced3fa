/**
 * Checks of configuration values the wire schema lets through but the runtime
 * cannot honour, shared by `session.update` and `response.create`. Each check
 * returns `null` or one `invalid_value` (or `voice_locked`) error whose
 * `param` names the field as the client's dialect spells it
 * (`session.voice`, GA `session.audio.output.voice`).
 */
import {
  type AudioFormat,
  DIALECT_DEFAULTS,
  type Dialect,
  invalidRequest,
  type Modality,
  type ProtocolError,
  type TurnDetection,
} from '@parley/protocol';

/** PCM16 rates a session accepts for input and output audio. */
export const SUPPORTED_PCM_RATES: readonly number[] = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];

/** Accepted ranges (inclusive). Temperature spans what OpenAI, StepFun and Volcengine clients send. */
export const CONFIG_RANGES = {
  temperature: [0, 2],
  speed: [0.25, 2],
  prefix_padding_ms: [0, 10_000],
  silence_duration_ms: [0, 10_000],
  idle_timeout_ms: [1_000, 3_600_000],
} as const;

/** Where GA nests the fields whose flat and GA names differ. */
const GA_PATHS: Readonly<Record<string, string>> = {
  voice: 'audio.output.voice',
  speed: 'audio.output.speed',
  input_audio_format: 'audio.input.format',
  output_audio_format: 'audio.output.format',
  input_audio_transcription: 'audio.input.transcription',
  input_audio_noise_reduction: 'audio.input.noise_reduction',
  turn_detection: 'audio.input.turn_detection',
  modalities: 'output_modalities',
  max_response_output_tokens: 'max_output_tokens',
};

/** `prefix.field(.rest)` in the dialect's spelling: `session.voice`, or `session.audio.output.voice` for GA. */
export function paramName(dialect: Dialect, prefix: string, field: string, rest?: string): string {
  const nested = DIALECT_DEFAULTS[dialect].sessionShape === 'nested';
  const name = nested ? (GA_PATHS[field] ?? field) : field;
  return [prefix, name, rest].filter((part) => part !== undefined && part !== '').join('.');
}

function bad(param: string, message: string): ProtocolError {
  return invalidRequest('invalid_value', `Invalid value for '${param}': ${message}`, param);
}

/** The id of a voice in either form (`"alloy"` or GA `{id}`). */
export function voiceId(voice: unknown): string | undefined {
  if (typeof voice === 'string') return voice;
  if (voice !== null && typeof voice === 'object' && typeof (voice as { id?: unknown }).id === 'string') {
    return (voice as { id: string }).id;
  }
  return undefined;
}

export interface VoiceRules {
  /** Valid voice ids; undefined accepts any. */
  voices: readonly string[] | undefined;
  /** The voice in force, and whether the session already produced audio with it. */
  current: string;
  locked: boolean;
}

export function checkVoice(voice: unknown, rules: VoiceRules, param: string): ProtocolError | null {
  const id = voiceId(voice);
  if (id === undefined || id === '') return bad(param, 'expected a voice id.');
  if (rules.voices !== undefined && rules.voices.length > 0 && !rules.voices.includes(id)) {
    return bad(param, `unknown voice '${id}'. Valid voices: ${rules.voices.join(', ')}.`);
  }
  if (rules.locked && id !== rules.current) {
    return invalidRequest(
      'voice_locked',
      `The voice cannot change once the session has produced audio (it is '${rules.current}').`,
      param,
    );
  }
  return null;
}

export function checkModalities(modalities: readonly Modality[], param: string): ProtocolError | null {
  const set = new Set(modalities);
  if (modalities.length === 0) return bad(param, "expected ['text'], ['audio'] or ['text', 'audio'].");
  if (set.size !== modalities.length) return bad(param, 'modalities must not repeat.');
  for (const m of modalities) if (m !== 'text' && m !== 'audio') return bad(param, `unknown modality '${String(m)}'.`);
  return null;
}

export function checkAudioFormat(format: AudioFormat, param: string, dialect: Dialect): ProtocolError | null {
  const { encoding } = format;
  if (encoding !== 'pcm16' && encoding !== 'g711_ulaw' && encoding !== 'g711_alaw') {
    return bad(param, `unsupported audio format '${String(encoding)}' (pcm16, g711_ulaw or g711_alaw).`);
  }
  if (encoding === 'pcm16' && format.rate !== undefined && !SUPPORTED_PCM_RATES.includes(format.rate)) {
    const rateParam = DIALECT_DEFAULTS[dialect].sessionShape === 'nested' ? `${param}.rate` : param;
    return bad(rateParam, `unsupported sample rate ${format.rate} Hz (supported: ${SUPPORTED_PCM_RATES.join(', ')}).`);
  }
  return null;
}

export function checkRange(value: number, field: keyof typeof CONFIG_RANGES, param: string): ProtocolError | null {
  const [min, max] = CONFIG_RANGES[field];
  if (!Number.isFinite(value) || value < min || value > max) return bad(param, `must be between ${min} and ${max}.`);
  return null;
}

export function checkMaxTokens(value: unknown, param: string): ProtocolError | null {
  if (value === 'inf') return null;
  const n = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return bad(param, "expected a positive integer or 'inf'.");
  return null;
}

export function checkTurnDetection(value: TurnDetection | null, param: string): ProtocolError | null {
  if (value === null) return null;
  if (value.type !== 'server_vad' && value.type !== 'semantic_vad') {
    return bad(`${param}.type`, `unknown turn detection type '${String(value.type)}' (server_vad or semantic_vad).`);
  }
  if (value.threshold !== undefined && !(value.threshold >= 0 && value.threshold <= 1)) {
    return bad(`${param}.threshold`, 'must be between 0 and 1.');
  }
  for (const field of ['prefix_padding_ms', 'silence_duration_ms'] as const) {
    const v = value[field];
    if (v !== undefined) {
      const error = checkRange(v, field, `${param}.${field}`);
      if (error) return error;
    }
  }
  if (value.idle_timeout_ms !== undefined && value.idle_timeout_ms !== null) {
    const error = checkRange(value.idle_timeout_ms, 'idle_timeout_ms', `${param}.idle_timeout_ms`);
    if (error) return error;
  }
  const energy = value.energy_awakeness_threshold;
  if (energy !== undefined && !(Number.isInteger(energy) && energy >= 0 && energy <= 5000)) {
    return bad(`${param}.energy_awakeness_threshold`, 'must be an integer between 0 and 5000.');
  }
  return null;
}
