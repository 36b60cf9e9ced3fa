/**
 * The session configuration in force: the dialect's defaults under what the
 * client set. Only the client's own fields are stored, so when the dialect
 * changes (`switchDialect`) everything the client left alone follows the new
 * dialect: rates (formats name no rate unless the client gave one), voice,
 * turn detection on connect, history cap.
 *
 * `update` is atomic: it checks every field of the patch first and changes
 * nothing when one is refused.
 */
import {
  type AudioEncoding,
  type AudioFormat,
  audioFormatSampleRate,
  DIALECT_DEFAULTS,
  type Dialect,
  type ProtocolError,
  SERVER_VAD_DEFAULT_VALUES,
  type SessionConfig,
  type TurnDetection,
} from '@parley/protocol';
import {
  checkAudioFormat,
  checkMaxTokens,
  checkModalities,
  checkRange,
  checkTurnDetection,
  checkVoice,
  paramName,
  voiceId,
} from './config-validation.js';
import { dialectSessionDefaults } from './session-defaults.js';

/** An audio format with its rate resolved. */
export interface ResolvedFormat {
  encoding: AudioEncoding;
  rate: number;
}

export interface SettingsOptions {
  id: string;
  model: string;
  dialect: Dialect;
  voices?: readonly string[];
  operatorDefaults?: Partial<SessionConfig>;
}

/** Fields a client cannot set: the session owns them. */
const OWNED = new Set(['id', 'object', 'expires_at', 'client_secret', 'extra']);

function cleanFormat(format: AudioFormat): AudioFormat {
  return format.rate === undefined ? { encoding: format.encoding } : { encoding: format.encoding, rate: format.rate };
}

/**
 * Turn detection as it runs, for echoing: the client's fields over the
 * defaults of notes Part 1 (`server_vad` 0.5 / 300 / 500 ms, create and
 * interrupt on; `semantic_vad` eagerness `auto`). A StepFun client that set
 * `energy_awakeness_threshold` instead of `threshold` gets no `threshold`
 * echoed: its own field says what is in force.
 */
function effectiveEcho(value: TurnDetection | null): TurnDetection | null {
  if (value === null) return null;
  const { create_response, interrupt_response } = SERVER_VAD_DEFAULT_VALUES;
  if (value.type === 'semantic_vad') return { eagerness: 'auto', create_response, interrupt_response, ...value };
  const { threshold, prefix_padding_ms, silence_duration_ms } = SERVER_VAD_DEFAULT_VALUES;
  const base = value.energy_awakeness_threshold === undefined ? { threshold } : {};
  return { ...base, prefix_padding_ms, silence_duration_ms, create_response, interrupt_response, ...value };
}

export class SessionSettings {
  readonly id: string;
  readonly #model: string;
  readonly #voices: readonly string[] | undefined;
  readonly #operatorDefaults: Partial<SessionConfig> | undefined;
  #dialect: Dialect;
  #explicit: SessionConfig = {};
  /** Set once the session has sent audio: the voice may not change after that. */
  voiceLocked = false;

  constructor(options: SettingsOptions) {
    this.id = options.id;
    this.#model = options.model;
    this.#dialect = options.dialect;
    this.#voices = options.voices;
    this.#operatorDefaults = options.operatorDefaults;
  }

  get dialect(): Dialect {
    return this.#dialect;
  }

  /** The dialect changed: defaults the client did not override follow it. */
  setDialect(dialect: Dialect): void {
    this.#dialect = dialect;
  }

  get voices(): readonly string[] | undefined {
    return this.#voices;
  }

  /** The merged canonical configuration (formats without resolved rates). */
  get config(): SessionConfig {
    return { ...dialectSessionDefaults(this.#dialect, this.#voices, this.#operatorDefaults), ...this.#explicit };
  }

  /** What `session.created` / `session.updated` carry: the whole effective configuration. */
  snapshot(): SessionConfig {
    const config = this.config;
    const input = this.inputFormat;
    const output = this.outputFormat;
    return {
      ...config,
      id: this.id,
      object: 'realtime.session',
      model: config.model ?? this.#model,
      input_audio_format: input.encoding === 'pcm16' ? { encoding: 'pcm16', rate: input.rate } : { encoding: input.encoding },
      output_audio_format:
        output.encoding === 'pcm16' ? { encoding: 'pcm16', rate: output.rate } : { encoding: output.encoding },
      turn_detection: effectiveEcho(config.turn_detection ?? null),
    };
  }

  get inputFormat(): ResolvedFormat {
    const format = this.config.input_audio_format;
    return {
      encoding: format?.encoding ?? 'pcm16',
      rate: audioFormatSampleRate(format, this.#dialect, 'input'),
    };
  }

  get outputFormat(): ResolvedFormat {
    return this.resolveOutput(this.config.output_audio_format);
  }

  /** An output format (a response's override, say) with its rate resolved in the dialect in force. */
  resolveOutput(format: AudioFormat | undefined): ResolvedFormat {
    return {
      encoding: format?.encoding ?? 'pcm16',
      rate: audioFormatSampleRate(format, this.#dialect, 'output'),
    };
  }

  get voice(): string {
    return voiceId(this.config.voice) ?? '';
  }

  get turnDetection(): TurnDetection | null {
    return this.config.turn_detection ?? null;
  }

  /** Conversation turns kept (Volcengine: 10), or null for no cap. */
  get historyTurns(): number | null {
    return DIALECT_DEFAULTS[this.#dialect].historyTurns;
  }

  /** A transcription-only session (GA `session.type: "transcription"`): no automatic responses. */
  get transcriptionOnly(): boolean {
    return this.config.type === 'transcription';
  }

  /** Validates `patch` and merges it, or returns the first refusal and changes nothing. */
  update(patch: SessionConfig): ProtocolError | null {
    const error = this.check(patch);
    if (error) return error;
    const clean: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (OWNED.has(key) || value === undefined) continue;
      clean[key] = key === 'input_audio_format' || key === 'output_audio_format' ? cleanFormat(value as AudioFormat) : value;
    }
    this.#explicit = { ...this.#explicit, ...(clean as SessionConfig) };
    return null;
  }

  /** The whole explicit configuration, for storing. */
  get explicit(): SessionConfig {
    return { ...this.#explicit };
  }

  private check(patch: SessionConfig): ProtocolError | null {
    const d = this.#dialect;
    const p = (field: string) => paramName(d, 'session', field);
    if (patch.modalities !== undefined) {
      const error = checkModalities(patch.modalities, p('modalities'));
      if (error) return error;
    }
    if (patch.voice !== undefined) {
      const rules = { voices: this.#voices, current: this.voice, locked: this.voiceLocked };
      const error = checkVoice(patch.voice, rules, p('voice'));
      if (error) return error;
    }
    for (const field of ['input_audio_format', 'output_audio_format'] as const) {
      const format = patch[field];
      if (format === undefined) continue;
      const error = checkAudioFormat(format, p(field), d);
      if (error) return error;
    }
    if (patch.turn_detection !== undefined) {
      const error = checkTurnDetection(patch.turn_detection, p('turn_detection'));
      if (error) return error;
    }
    if (patch.temperature !== undefined) {
      const error = checkRange(patch.temperature, 'temperature', p('temperature'));
      if (error) return error;
    }
    if (patch.speed !== undefined) {
      const error = checkRange(patch.speed, 'speed', p('speed'));
      if (error) return error;
    }
    if (patch.max_response_output_tokens !== undefined) {
      const error = checkMaxTokens(patch.max_response_output_tokens, p('max_response_output_tokens'));
      if (error) return error;
    }
    return null;
  }
}
