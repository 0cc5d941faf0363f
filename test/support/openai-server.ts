import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small OpenAI-compatible server for tests, on 127.0.0.1 and a port the
 * system picks: /v1/chat/completions, /v1/completions and /v1/models, with
 * answers a test decides and faults it injects (an HTTP status with or
 * without Retry-After, a request held until released, a connection cut
 * before or during the answer, a body that is not JSON). It can behave like
 * Ollama (returns one choice whatever n asks) or llama.cpp (refuses n > 1
 * with HTTP 500). Nothing here waits on a clock: a "slow" answer is a held
 * one, released or cut by the test.
 */
export interface FakeRequest {
  /** 1-based, in order of arrival. */
  readonly number: number;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
  /** The text the model is asked to continue: the prompt, or the last chat message. */
  readonly prompt: string;
}

export interface FakeAnswer {
  readonly text: string;
  readonly finish_reason?: string;
}

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'hold' }
  | { readonly kind: 'cut' }
  | { readonly kind: 'cut-body' }
  | { readonly kind: 'malformed' };

export interface FakeServerOptions {
  /** The text of choice `choice` (0-based) of a request. */
  readonly answer: (request: FakeRequest, choice: number) => FakeAnswer;
  /** A fault for this request, or null to answer it. */
  readonly fault?: (request: FakeRequest) => Fault | null;
  /** Like Ollama: at most this many choices, whatever n asks. */
  readonly maxChoices?: number;
  /** Like llama.cpp: HTTP 500 "Only one completion choice is allowed" for n > 1. */
  readonly refuseN?: boolean;
  /** Answer 401 unless this bearer token is sent; the error body echoes the header, as careless servers do. */
  readonly requireKey?: string;
}

export interface FakeServer {
  /** The API base, ending in /v1. */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Answers sent in full, and the samples in them. */
  readonly answered: { requests: number; samples: number };
  /** Resolves once `count` requests are being held. */
  waitForHeld(count: number): Promise<void>;
  /** Answers every held request now. */
  releaseHeld(): void;
  close(): Promise<void>;
}

export function promptOf(body: Record<string, unknown>): string {
  if (typeof body['prompt'] === 'string') return body['prompt'];
  const messages = body['messages'];
  if (Array.isArray(messages) && messages.length > 0) {
    const last = messages[messages.length - 1] as { content?: unknown };
    if (typeof last.content === 'string') return last.content;
  }
  return '';
}

/** The question of the default GSM8K-style prompt's last "Question: ...\nAnswer:". */
export function questionOf(prompt: string): string {
  const at = prompt.lastIndexOf('Question: ');
  const text = at < 0 ? prompt : prompt.slice(at + 'Question: '.length);
  return text.replace(/\nAnswer:$/, '');
}

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const answered = { requests: 0, samples: 0 };
  const held: (() => void)[] = [];
  const heldWaiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const checkHeld = () => {
    const ready = heldWaiters.filter((waiter) => held.length >= waiter.count);
    for (const waiter of ready) {
      heldWaiters.splice(heldWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method === 'GET' && path === '/v1/models') {
        json(res, 200, { object: 'list', data: [{ id: 'fake', object: 'model' }] });
        return;
      }
      const api = path === '/v1/chat/completions' ? 'chat' : path === '/v1/completions' ? 'completions' : null;
      if (req.method !== 'POST' || api === null) {
        json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'not_found' } });
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        json(res, 400, { error: { message: 'request body is not JSON' } });
        return;
      }
      const request: FakeRequest = { number: requests.length + 1, path, headers: req.headers, body, prompt: promptOf(body) };
      requests.push(request);
      if (options.requireKey !== undefined && req.headers['authorization'] !== `Bearer ${options.requireKey}`) {
        json(res, 401, { error: { message: `invalid key in header "${String(req.headers['authorization'])}"`, type: 'invalid_request_error' } });
        return;
      }
      const asked = typeof body['n'] === 'number' ? body['n'] : 1;
      if (options.refuseN === true && asked !== 1) {
        json(res, 500, { error: { code: 500, message: 'Only one completion choice is allowed', type: 'server_error' } });
        return;
      }
      const answer = () => {
        const n = Math.min(asked, options.maxChoices ?? asked);
        const choices = Array.from({ length: n }, (_, index) => {
          const { text, finish_reason = 'stop' } = options.answer(request, index);
          return api === 'chat' ? { index, message: { role: 'assistant', content: text }, finish_reason } : { index, text, finish_reason, logprobs: null };
        });
        const completion = choices.reduce((a, c) => a + words('message' in c ? c.message.content : c.text), 0);
        const prompt = words(request.prompt);
        json(res, 200, {
          id: `fake-${request.number}`,
          object: api === 'chat' ? 'chat.completion' : 'text_completion',
          model: body['model'],
          choices,
          usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        });
        answered.requests++;
        answered.samples += n;
      };
      const fault = options.fault?.(request) ?? null;
      if (fault === null) return answer();
      switch (fault.kind) {
        case 'status':
          res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined && { 'retry-after': fault.retryAfter }) });
          res.end(fault.body ?? JSON.stringify({ error: { message: `injected HTTP ${fault.status}`, type: 'server_error' } }));
          return;
        case 'hold':
          held.push(answer);
          checkHeld();
          return;
        case 'cut':
          req.socket.destroy();
          return;
        case 'cut-body':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
          res.write('{"id":"fake","choices":[{"index":0,"message":{"role":"assi');
          setImmediate(() => req.socket.destroy());
          return;
        case 'malformed':
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id": "fake", "choices": [ {"index": 0, "text": "unterminated');
          return;
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answered,
    waitForHeld: (count) =>
      new Promise<void>((resolve) => {
        heldWaiters.push({ count, resolve });
        checkHeld();
      }),
    releaseHeld: () => {
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
