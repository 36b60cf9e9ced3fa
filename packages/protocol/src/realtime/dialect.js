/**
 * Dialects: the four wire shapes of the realtime protocol that Parley speaks,
 * their defaults (protocol notes, Part 1, "Dialects"), and how a connection
 * picks one.
 */
/** Every dialect, in a stable order. */
export const DIALECTS = ['stepfun', 'volcengine', 'openai-beta', 'openai'];
/** Values of `server_vad` when it is turned on without values (notes Part 1, "Server VAD defaults"). */
export const SERVER_VAD_DEFAULT_VALUES = {
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    create_response: true,
    interrupt_response: true,
};
/** The defaults table of notes Part 1. */
export const DIALECT_DEFAULTS = {
    stepfun: {
        inputSampleRate: 24_000,
        outputSampleRate: 24_000,
        sessionShape: 'flat',
        turnDetectionOnConnect: 'off',
        historyTurns: null,
        idleTimeoutMs: null,
        encodings: ['pcm16'],
    },
    volcengine: {
        inputSampleRate: 16_000,
        outputSampleRate: 16_000,
        sessionShape: 'flat',
        turnDetectionOnConnect: 'off',
        historyTurns: 10,
        idleTimeoutMs: 120_000,
        encodings: ['pcm16'],
    },
    'openai-beta': {
        inputSampleRate: 24_000,
        outputSampleRate: 24_000,
        sessionShape: 'flat',
        turnDetectionOnConnect: 'server_vad',
        historyTurns: null,
        idleTimeoutMs: null,
        encodings: ['pcm16', 'g711_ulaw', 'g711_alaw'],
    },
    openai: {
        inputSampleRate: 24_000,
        outputSampleRate: 24_000,
        sessionShape: 'nested',
        turnDetectionOnConnect: 'server_vad',
        historyTurns: null,
        idleTimeoutMs: null,
        encodings: ['pcm16', 'g711_ulaw', 'g711_alaw'],
    },
};
/** Sample rate of the G.711 encodings, whatever the dialect. */
export const G711_SAMPLE_RATE = 8_000;
export function isDialect(value) {
    return value === 'stepfun' || value === 'volcengine' || value === 'openai-beta' || value === 'openai';
}
/** Reads one header, case-insensitively, joining repeated values with `,`. */
export function readHeader(headers, name) {
    if (!headers)
        return undefined;
    const lower = name.toLowerCase();
    if (typeof headers.get === 'function') {
        const value = headers.get(name);
        return value ?? undefined;
    }
    const record = headers;
    for (const key of Object.keys(record)) {
        if (key.toLowerCase() !== lower)
            continue;
        const value = record[key];
        if (value === undefined)
            return undefined;
        return typeof value === 'string' ? value : value.join(',');
    }
    return undefined;
}
function headerHasToken(value, token) {
    if (value === undefined)
        return false;
    return value.split(',').some((part) => part.trim().toLowerCase() === token);
}
/**
 * Picks the dialect known at connect time, in the order of notes Part 1:
 * `?dialect=`, else an `OpenAI-Beta: realtime=v1` header (or its browser form, the
 * `openai-beta.realtime-v1` WebSocket subprotocol), else a model starting with
 * `gpt-` (GA), else a model starting with `AG-` or an `X-Conversation-Id` header
 * (Volcengine), else the route's default.
 */
export function detectDialect(input) {
    if (isDialect(input.dialect))
        return input.dialect;
    const headers = input.headers;
    if (headerHasToken(readHeader(headers, 'openai-beta'), 'realtime=v1'))
        return 'openai-beta';
    if (headerHasToken(readHeader(headers, 'sec-websocket-protocol'), 'openai-beta.realtime-v1'))
        return 'openai-beta';
    const model = input.model ?? '';
    if (model.startsWith('gpt-'))
        return 'openai';
    if (model.startsWith('AG-'))
        return 'volcengine';
    const conversationId = readHeader(headers, 'x-conversation-id');
    if (conversationId !== undefined && conversationId.trim() !== '')
        return 'volcengine';
    return input.routeDefault ?? 'stepfun';
}
const GA_ONLY_SESSION_KEYS = ['type', 'output_modalities', 'max_output_tokens'];
const FLAT_ONLY_SESSION_KEYS = [
    'modalities',
    'voice',
    'input_audio_format',
    'output_audio_format',
    'input_audio_transcription',
    'input_audio_noise_reduction',
    'turn_detection',
    'max_response_output_tokens',
];
/**
 * The shape of a `session` object: `nested` when it carries GA markers
 * (`type`, `output_modalities`, `max_output_tokens` or an `audio` object),
 * `flat` when it carries a beta-only field, `null` when it shows neither
 * (e.g. only `instructions`) or is not an object.
 */
export function sessionShapeOf(session) {
    if (session === null || typeof session !== 'object' || Array.isArray(session))
        return null;
    const record = session;
    for (const key of GA_ONLY_SESSION_KEYS)
        if (Object.hasOwn(record, key))
            return 'nested';
    const audio = Object.hasOwn(record, 'audio') ? record.audio : undefined;
    if (audio !== null && typeof audio === 'object' && !Array.isArray(audio))
        return 'nested';
    for (const key of FLAT_ONLY_SESSION_KEYS)
        if (Object.hasOwn(record, key))
            return 'flat';
    return null;
}
/**
 * The dialect a `session.update`'s session shape selects, or `null` when the
 * shape selects none in particular (stay in `current`). A nested (GA) session
 * selects `openai`. A flat session sent to an `openai` (GA) connection selects
 * `openai-beta`. Flat dialects never switch among themselves: their shapes are
 * the same and their sample rates differ, so only the connection decides.
 */
export function dialectFromSessionShape(session, current) {
    const shape = sessionShapeOf(session);
    if (shape === 'nested')
        return 'openai';
    if (shape === 'flat' && current === 'openai')
        return 'openai-beta';
    return null;
}
//# sourceMappingURL=dialect.js.map