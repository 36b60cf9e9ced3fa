/**
 * Dialects: the four wire shapes of the realtime protocol that Parley speaks,
 * their defaults (protocol notes, Part 1, "Dialects"), and how a connection
 * picks one.
 */
/** A wire shape of the realtime protocol. The canonical model is shared; each dialect is a codec at the edge. */
export type Dialect = 'stepfun' | 'volcengine' | 'openai-beta' | 'openai';
/** Every dialect, in a stable order. */
export declare const DIALECTS: readonly Dialect[];
/** Whether the session object is flat (beta names) or nested (`audio.input` / `audio.output`, GA). */
export type SessionShape = 'flat' | 'nested';
/** Audio encodings a dialect documents natively (others are still accepted: Parley is a superset). */
export type NativeEncoding = 'pcm16' | 'g711_ulaw' | 'g711_alaw';
/** Turn detection a dialect applies when the client has not configured any. */
export type DefaultTurnDetection = 'off' | 'server_vad';
/** Per-dialect defaults. Numbers are in Hz and milliseconds; `null` means "none documented, no cap". */
export interface DialectDefaults {
    /** PCM16 sample rate of `input_audio_buffer.append` audio when the session names no rate. */
    readonly inputSampleRate: number;
    /** PCM16 sample rate of output audio deltas when the session names no rate. */
    readonly outputSampleRate: number;
    readonly sessionShape: SessionShape;
    /** Turn detection in force right after connect. `server_vad` means {@link SERVER_VAD_DEFAULT_VALUES}. */
    readonly turnDetectionOnConnect: DefaultTurnDetection;
    /** Conversation turns kept in history, or `null` for no cap beyond the runtime's own. */
    readonly historyTurns: number | null;
    /** Idle time after which the server sends an `idle_timeout` error and closes, or `null`. */
    readonly idleTimeoutMs: number | null;
    readonly encodings: readonly NativeEncoding[];
}
/** Values of `server_vad` when it is turned on without values (notes Part 1, "Server VAD defaults"). */
export declare const SERVER_VAD_DEFAULT_VALUES: {
    readonly threshold: 0.5;
    readonly prefix_padding_ms: 300;
    readonly silence_duration_ms: 500;
    readonly create_response: true;
    readonly interrupt_response: true;
};
/** The defaults table of notes Part 1. */
export declare const DIALECT_DEFAULTS: Readonly<Record<Dialect, DialectDefaults>>;
/** Sample rate of the G.711 encodings, whatever the dialect. */
export declare const G711_SAMPLE_RATE = 8000;
export declare function isDialect(value: unknown): value is Dialect;
/** Request headers as a plain record (Node style) or anything with `get(name)` (Fetch `Headers`). */
export type HeaderSource = {
    get(name: string): string | null | undefined;
} | Readonly<Record<string, string | readonly string[] | undefined>>;
/** What a server knows about a connection before the first event. */
export interface DialectDetectionInput {
    /** The `?dialect=` query value. An unknown value is ignored (check it with {@link isDialect} to reject it). */
    dialect?: string | null;
    /** The `?model=` query value. */
    model?: string | null;
    headers?: HeaderSource | null;
    /** The route's default dialect; `stepfun` when absent. */
    routeDefault?: Dialect;
}
/** Reads one header, case-insensitively, joining repeated values with `,`. */
export declare function readHeader(headers: HeaderSource | null | undefined, name: string): string | undefined;
/**
 * Picks the dialect known at connect time, in the order of notes Part 1:
 * `?dialect=`, else an `OpenAI-Beta: realtime=v1` header (or its browser form, the
 * `openai-beta.realtime-v1` WebSocket subprotocol), else a model starting with
 * `gpt-` (GA), else a model starting with `AG-` or an `X-Conversation-Id` header
 * (Volcengine), else the route's default.
 */
export declare function detectDialect(input: DialectDetectionInput): Dialect;
/**
 * The shape of a `session` object: `nested` when it carries GA markers
 * (`type`, `output_modalities`, `max_output_tokens` or an `audio` object),
 * `flat` when it carries a beta-only field, `null` when it shows neither
 * (e.g. only `instructions`) or is not an object.
 */
export declare function sessionShapeOf(session: unknown): SessionShape | null;
/**
 * The dialect a `session.update`'s session shape selects, or `null` when the
 * shape selects none in particular (stay in `current`). A nested (GA) session
 * selects `openai`. A flat session sent to an `openai` (GA) connection selects
 * `openai-beta`. Flat dialects never switch among themselves: their shapes are
 * the same and their sample rates differ, so only the connection decides.
 */
export declare function dialectFromSessionShape(session: unknown, current?: Dialect): Dialect | null;
//# sourceMappingURL=dialect.d.ts.map