/**
 * The `input_audio.data` of a chat content part: plain base64, or a data URL
 * (`data:audio/wav;base64,…`, `data:audio/mpeg;base64,…`) whose MIME type names the
 * format (spec 000). Only the syntax is checked here; decoding is the audio layer's job.
 */

export const CHAT_INPUT_AUDIO_FORMATS = ['wav', 'mp3'] as const;
export type ChatInputAudioFormat = (typeof CHAT_INPUT_AUDIO_FORMATS)[number];

const MIME_FORMATS: Readonly<Record<string, ChatInputAudioFormat>> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg-3': 'mp3',
};

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*),/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export type ParsedInputAudio =
  | { ok: true; base64: string; mime: string | null; format: ChatInputAudioFormat | null }
  | { ok: false; reason: string };

/** Splits `data` into its base64 payload and the format its data URL names, if any. */
export function parseInputAudioData(data: string): ParsedInputAudio {
  let base64 = data;
  let mime: string | null = null;
  let format: ChatInputAudioFormat | null = null;
  if (data.startsWith('data:')) {
    const m = DATA_URL.exec(data.slice(0, 256));
    if (!m) return { ok: false, reason: 'the data URL has no comma before its payload' };
    mime = m[1].trim().toLowerCase();
    const params = m[2].split(';').map((p) => p.trim().toLowerCase());
    if (!params.includes('base64')) return { ok: false, reason: 'the data URL is not base64 encoded (";base64" missing)' };
    format = MIME_FORMATS[mime] ?? null;
    if (!format) return { ok: false, reason: `unsupported audio type '${mime}' (use audio/wav or audio/mpeg)` };
    base64 = data.slice(m[0].length);
  }
  if (base64.length === 0) return { ok: false, reason: 'the audio is empty' };
  if (!isBase64Text(base64)) return { ok: false, reason: 'the audio is not valid base64' };
  return { ok: true, base64, mime, format };
}

/** Standard-alphabet base64, padding optional (no whitespace, no data URL). */
export function isBase64Text(text: string): boolean {
  return BASE64.test(text) && text.length % 4 !== 1;
}
