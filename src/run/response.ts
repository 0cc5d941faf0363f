/**
 * Reading an OpenAI-compatible completion response: `choices[]` with the
 * generated text (chat: `message.content`; completions: `text`), each with
 * its `index` and `finish_reason`, and `usage` for the whole request. Servers
 * differ in what they leave out (usage, finish_reason, index), so only the
 * text is required; anything else malformed makes the whole response an
 * error for its samples, never a crash.
 */
export type Api = 'chat' | 'completions';

export interface Choice {
  readonly text: string;
  /** 'stop', 'length' (cut off by max_tokens), ... or null when the server gave none. */
  readonly finishReason: string | null;
  /** The reasoning a server split off the answer (vLLM and SGLang reasoning parsers, DeepSeek's API), if any. */
  readonly reasoning: string | null;
}

export interface Usage {
  readonly prompt_tokens: number | null;
  readonly completion_tokens: number | null;
  readonly total_tokens: number | null;
}

export type ParsedResponse = { readonly ok: true; readonly choices: Choice[]; readonly usage: Usage | null } | { readonly ok: false; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseCompletionResponse(api: Api, body: string): ParsedResponse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: `the response is not JSON: ${preview(body)}` };
  }
  if (!isObject(json)) return { ok: false, message: `the response is not a JSON object: ${preview(body)}` };
  const choices = json['choices'];
  if (!Array.isArray(choices) || choices.length === 0) return { ok: false, message: `the response has no "choices": ${preview(body)}` };
  const parsed: { index: number; choice: Choice }[] = [];
  for (let position = 0; position < choices.length; position++) {
    const raw: unknown = choices[position];
    if (!isObject(raw)) return { ok: false, message: `choices[${position}] is not an object` };
    const text = api === 'chat' ? chatText(raw) : raw['text'];
    if (typeof text !== 'string') return { ok: false, message: `choices[${position}] has no ${api === 'chat' ? 'message.content' : 'text'} string` };
    const index = typeof raw['index'] === 'number' && Number.isInteger(raw['index']) ? raw['index'] : position;
    const finish = raw['finish_reason'];
    parsed.push({ index, choice: { text, finishReason: typeof finish === 'string' ? finish : null, reasoning: api === 'chat' ? reasoningText(raw) : null } });
  }
  // Servers that send choices out of order still number them.
  parsed.sort((a, b) => a.index - b.index);
  return { ok: true, choices: parsed.map((p) => p.choice), usage: usageOf(json['usage']) };
}

function chatText(choice: Record<string, unknown>): unknown {
  const message = choice['message'];
  if (!isObject(message)) return undefined;
  // A reasoning model that spent every token thinking answers content: null; that is an empty answer, not a malformed one.
  if (message['content'] === null && typeof reasoningText(choice) === 'string') return '';
  return message['content'];
}

function reasoningText(choice: Record<string, unknown>): string | null {
  const message = choice['message'];
  if (!isObject(message)) return null;
  const reasoning = message['reasoning_content'] ?? message['reasoning'];
  return typeof reasoning === 'string' ? reasoning : null;
}

function usageOf(value: unknown): Usage | null {
  if (!isObject(value)) return null;
  const count = (key: string) => (typeof value[key] === 'number' && Number.isFinite(value[key]) ? (value[key] as number) : null);
  return { prompt_tokens: count('prompt_tokens'), completion_tokens: count('completion_tokens'), total_tokens: count('total_tokens') };
}

/** The start of a body for an error message, on one line. */
function preview(body: string): string {
  const { text, cut } = flattened(body, 160);
  return `${JSON.stringify(text)}${cut ? '…' : ''}`;
}

/** The error message a server put in its JSON error body (OpenAI's {"error": {"message"}}, or {"error": "..."}, {"detail": ...}), else the body's start. */
export function errorMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (isObject(json)) {
      const error = json['error'];
      if (isObject(error) && typeof error['message'] === 'string') return oneLine(error['message']);
      if (typeof error === 'string') return oneLine(error);
      if (typeof json['message'] === 'string') return oneLine(json['message']);
      if (typeof json['detail'] === 'string') return oneLine(json['detail']);
    }
  } catch {
    // Not JSON: the body itself is the message.
  }
  return preview(body);
}

function oneLine(message: string): string {
  const { text, cut } = flattened(message, 300);
  return `${text}${cut ? '…' : ''}`;
}

/** `text` on one line (a server's pretty-printed JSON or stack spans many), cut to at most `length` characters. */
function flattened(text: string, length: number): { readonly text: string; readonly cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? { text: flat, cut: false } : { text: flat.slice(0, length), cut: true };
}
