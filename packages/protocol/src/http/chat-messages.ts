/**
 * The `messages` of a Chat Completions request: every role, with the content
 * parts voice chat needs (`text`, `input_audio`, and `image_url` for tolerance).
 */
import Type, { type Static } from 'typebox';
import { Nullable, ChatToolCallSchema } from './chat-common.js';
import { CHAT_INPUT_AUDIO_FORMATS } from './input-audio.js';

export const ChatTextPartSchema = Type.Object({
  type: Type.Literal('text'),
  text: Type.String(),
});
export type ChatTextPart = Static<typeof ChatTextPartSchema>;

export const ChatInputAudioPartSchema = Type.Object({
  type: Type.Literal('input_audio'),
  input_audio: Type.Object({
    data: Type.String({
      description: 'base64 audio, or a data URL (data:audio/wav;base64,… or data:audio/mpeg;base64,…)',
    }),
    format: Type.Optional(Type.Enum([...CHAT_INPUT_AUDIO_FORMATS], { description: 'needed when data is plain base64' })),
  }),
});
export type ChatInputAudioPart = Static<typeof ChatInputAudioPartSchema>;

export const ChatImageUrlPartSchema = Type.Object({
  type: Type.Literal('image_url'),
  image_url: Type.Object({ url: Type.String(), detail: Type.Optional(Type.String()) }),
});
export type ChatImageUrlPart = Static<typeof ChatImageUrlPartSchema>;

export const ChatRefusalPartSchema = Type.Object({
  type: Type.Literal('refusal'),
  refusal: Type.String(),
});
export type ChatRefusalPart = Static<typeof ChatRefusalPartSchema>;

export const ChatUserContentPartSchema = Type.Union([ChatTextPartSchema, ChatInputAudioPartSchema, ChatImageUrlPartSchema]);
export type ChatUserContentPart = Static<typeof ChatUserContentPartSchema>;

const TextContent = Type.Union([Type.String(), Type.Array(ChatTextPartSchema)]);
const Name = Type.Optional(Type.String());

export const ChatSystemMessageSchema = Type.Object({
  role: Type.Literal('system'),
  content: TextContent,
  name: Name,
});
export const ChatDeveloperMessageSchema = Type.Object({
  role: Type.Literal('developer'),
  content: TextContent,
  name: Name,
});
export const ChatUserMessageSchema = Type.Object({
  role: Type.Literal('user'),
  content: Type.Union([Type.String(), Type.Array(ChatUserContentPartSchema, { minItems: 1 })]),
  name: Name,
});

/**
 * An earlier assistant turn. StepFun wants its transcript in `content`; OpenAI-style
 * clients reference earlier audio by `audio.id`. Parley keeps no audio store, so the
 * reference is informational (`id` is optional for that reason).
 */
export const ChatAssistantMessageSchema = Type.Object({
  role: Type.Literal('assistant'),
  content: Type.Optional(Nullable(Type.Union([Type.String(), Type.Array(Type.Union([ChatTextPartSchema, ChatRefusalPartSchema]))]))),
  audio: Type.Optional(Nullable(Type.Object({ id: Type.Optional(Type.String()), transcript: Type.Optional(Type.String()) }))),
  tool_calls: Type.Optional(Type.Array(ChatToolCallSchema)),
  refusal: Type.Optional(Nullable(Type.String())),
  name: Name,
});
export const ChatToolMessageSchema = Type.Object({
  role: Type.Literal('tool'),
  tool_call_id: Type.String(),
  content: TextContent,
});
/** Deprecated OpenAI role, accepted so old clients keep working. */
export const ChatFunctionMessageSchema = Type.Object({
  role: Type.Literal('function'),
  name: Type.String(),
  content: Nullable(Type.String()),
});

export const ChatMessageSchema = Type.Union([
  ChatSystemMessageSchema,
  ChatDeveloperMessageSchema,
  ChatUserMessageSchema,
  ChatAssistantMessageSchema,
  ChatToolMessageSchema,
  ChatFunctionMessageSchema,
]);

export type ChatSystemMessage = Static<typeof ChatSystemMessageSchema>;
export type ChatDeveloperMessage = Static<typeof ChatDeveloperMessageSchema>;
export type ChatUserMessage = Static<typeof ChatUserMessageSchema>;
export type ChatAssistantMessage = Static<typeof ChatAssistantMessageSchema>;
export type ChatToolMessage = Static<typeof ChatToolMessageSchema>;
export type ChatFunctionMessage = Static<typeof ChatFunctionMessageSchema>;
export type ChatMessage = Static<typeof ChatMessageSchema>;
export type ChatRole = ChatMessage['role'];

/** The plain text of a message's content (text parts joined; audio and images skipped). */
export function chatMessageText(message: ChatMessage): string {
  const content = message.content;
  if (content === undefined || content === null) {
    return message.role === 'assistant' ? (message.audio?.transcript ?? '') : '';
  }
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
