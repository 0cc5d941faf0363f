import { errorMessage, parseCompletionResponse, type Api, type Choice, type Usage } from './response.js';
import { parseRetryAfter } from './retry.js';

/** Where and how to reach an OpenAI-compatible server. */
export interface Endpoint {
  /** The API base as OpenAI clients take it, e.g. http://localhost:8000/v1; paths are appended. */
  readonly baseUrl: string;
  /** Sent as a bearer token; never printed or written. */
  readonly apiKey: string | null;
  /** Per attempt, from sending the request to reading the whole body. */
  readonly timeoutMs: number;
  /** Tests may pass their own; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
  /** The clock for latencies and Retry-After dates. */
  readonly now?: () => number;
}

/**
 * What one HTTP attempt came to:
 * - ok: the choices, the request's usage and its latency;
 * - retry: worth trying again (429, 408, 5xx, a timeout, a dropped connection);
 * - fail: this request's samples fail, the run goes on (another 4xx, a malformed response);
 * - fatal: every request would fail the same way (401, 403, 404), so the run stops.
 * `refusesN` marks a failure that names `n` or choices while asking for
 * several, as llama.cpp's "Only one completion choice is allowed" does.
 */
export type Attempt =
  | { readonly kind: 'ok'; readonly choices: Choice[]; readonly usage: Usage | null; readonly latencyMs: number }
  | {
      readonly kind: 'retry' | 'fail' | 'fatal';
      readonly message: string;
      readonly status: number | null;
      readonly retryAfterMs: number | null;
      readonly refusesN: boolean;
    }
  | { readonly kind: 'aborted' };

function apiPath(api: Api): string {
  return api === 'chat' ? '/chat/completions' : '/completions';
}

function requestUrl(endpoint: Endpoint, api: Api): string {
  return `${endpoint.baseUrl.replace(/\/+$/, '')}${apiPath(api)}`;
}

const RETRY_STATUS = new Set([408, 409, 425, 429]);
const FATAL_STATUS = new Set([401, 403, 404]);

export async function attempt(endpoint: Endpoint, api: Api, body: Record<string, unknown>, signal: AbortSignal): Promise<Attempt> {
  const now = endpoint.now ?? Date.now;
  const started = now();
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey !== null) headers['authorization'] = `Bearer ${endpoint.apiKey}`;
  const asked = typeof body['n'] === 'number' ? body['n'] : 1;
  const failure = (kind: 'retry' | 'fail' | 'fatal', message: string, status: number | null = null, retryAfterMs: number | null = null): Attempt => ({
    kind,
    message: redact(message, endpoint.apiKey),
    status,
    retryAfterMs,
    refusesN: asked > 1 && status !== null && (status === 400 || status === 422 || status >= 500) && /choice|\bn\b/i.test(message),
  });
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const response = await (endpoint.fetch ?? fetch)(requestUrl(endpoint, api), { method: 'POST', headers, body: JSON.stringify(body), signal: both });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    if (timeout.aborted) return failure('retry', `no complete answer within ${endpoint.timeoutMs / 1000} s`);
    return failure('retry', `connection failed: ${describeNetworkError(error)}`);
  }
  const latencyMs = now() - started;
  if (status >= 200 && status < 300) {
    const parsed = parseCompletionResponse(api, text);
    if (!parsed.ok) return failure('fail', parsed.message, status);
    return { kind: 'ok', choices: parsed.choices, usage: parsed.usage, latencyMs };
  }
  const message = `HTTP ${status}: ${errorMessage(text)}`;
  if (RETRY_STATUS.has(status) || status >= 500) return failure('retry', message, status, parseRetryAfter(retryAfter, now()));
  if (FATAL_STATUS.has(status)) return failure('fatal', `${message}${hintFor(status, endpoint, api)}`, status);
  return failure('fail', message, status);
}

function hintFor(status: number, endpoint: Endpoint, api: Api): string {
  if (status === 401 || status === 403)
    return endpoint.apiKey === null
      ? ' (no API key was sent: set OPENAI_API_KEY, or name the variable with --api-key-env)'
      : ' (is the API key right for this server?)';
  return ` (is --endpoint the API base, such as http://localhost:8000/v1, and does the server have ${requestUrl(endpoint, api)} and the model?)`;
}

/** undici's "fetch failed" hides the reason in `cause`: ECONNREFUSED, "other side closed", ... */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    parts.push(code !== undefined && !current.message.includes(code) ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.length === 0 ? String(error) : parts.join(': ');
}

/** Removes the API key from text that came from a server (which may echo a header back). */
function redact(text: string, apiKey: string | null): string {
  return apiKey === null || apiKey === '' ? text : text.split(apiKey).join('[api key]');
}
