/**
 * Turn detection (`turn_detection`, GA `audio.input.turn_detection`).
 *
 * The wire object is the canonical one in every dialect: OpenAI's `server_vad`
 * and `semantic_vad` fields, GA's `idle_timeout_ms`, and StepFun's
 * `energy_awakeness_threshold` (0-5000). Unknown fields are kept in place.
 * `null` turns detection off.
 */
import Type, { type Static } from 'typebox';
import { SERVER_VAD_DEFAULT_VALUES } from '../dialect.js';
import { copyObject } from './extra.js';
import { type ObjectResult, success } from './result.js';
import { lazy } from './validation.js';

export const EagernessSchema = Type.Enum(['low', 'medium', 'high', 'auto']);
export type Eagerness = 'low' | 'medium' | 'high' | 'auto';

export const TurnDetectionSchema = Type.Object({
  type: Type.Enum(['server_vad', 'semantic_vad']),
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  prefix_padding_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  silence_duration_ms: Type.Optional(Type.Integer({ minimum: 0 })),
  create_response: Type.Optional(Type.Boolean()),
  interrupt_response: Type.Optional(Type.Boolean()),
  eagerness: Type.Optional(EagernessSchema),
  idle_timeout_ms: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
  energy_awakeness_threshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000 })),
});
export type TurnDetection = Static<typeof TurnDetectionSchema> & {
  type: 'server_vad' | 'semantic_vad';
  eagerness?: Eagerness;
};

const validator = lazy(TurnDetectionSchema);

/** Validates a wire `turn_detection` (object or `null`). */
export function turnDetectionFromWire(wire: unknown, path: string): ObjectResult<TurnDetection | null> {
  if (wire === null) return success(null);
  const error = validator.validate(wire, path);
  if (error) return { ok: false, error };
  return success(copyObject(wire as Record<string, unknown>) as TurnDetection);
}

/** The wire form of a canonical turn detection: the same object. */
export function turnDetectionToWire(value: TurnDetection | null): Record<string, unknown> | null {
  return value === null ? null : copyObject(value as Record<string, unknown>);
}

/** Silence that ends a turn under `semantic_vad`, by eagerness (notes Part 1). */
export const SEMANTIC_VAD_SILENCE_MS: Readonly<Record<Eagerness, number>> = {
  low: 1000,
  medium: 700,
  auto: 700,
  high: 500,
};

/** Turn detection with every default filled in, as the runtime runs it. */
export interface EffectiveTurnDetection {
  type: 'server_vad' | 'semantic_vad';
  threshold: number;
  prefix_padding_ms: number;
  silence_duration_ms: number;
  create_response: boolean;
  interrupt_response: boolean;
  idle_timeout_ms: number | null;
  /** StepFun's energy gate (0-5000), when the client set one. */
  energy_awakeness_threshold?: number;
}

/**
 * Fills the defaults of notes Part 1: `server_vad` values 0.5 / 300 / 500 ms,
 * create and interrupt on; `semantic_vad` runs as server VAD with the silence
 * of its eagerness.
 */
export function effectiveTurnDetection(value: TurnDetection): EffectiveTurnDetection {
  const semantic = value.type === 'semantic_vad';
  const effective: EffectiveTurnDetection = {
    type: value.type,
    threshold: value.threshold ?? SERVER_VAD_DEFAULT_VALUES.threshold,
    prefix_padding_ms: value.prefix_padding_ms ?? SERVER_VAD_DEFAULT_VALUES.prefix_padding_ms,
    silence_duration_ms: semantic
      ? SEMANTIC_VAD_SILENCE_MS[value.eagerness ?? 'auto']
      : (value.silence_duration_ms ?? SERVER_VAD_DEFAULT_VALUES.silence_duration_ms),
    create_response: value.create_response ?? SERVER_VAD_DEFAULT_VALUES.create_response,
    interrupt_response: value.interrupt_response ?? SERVER_VAD_DEFAULT_VALUES.interrupt_response,
    idle_timeout_ms: value.idle_timeout_ms ?? null,
  };
  if (value.energy_awakeness_threshold !== undefined) {
    effective.energy_awakeness_threshold = value.energy_awakeness_threshold;
  }
  return effective;
}
