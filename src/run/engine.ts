import { attempt, type Endpoint } from './client.js';
import type { Api, Usage } from './response.js';
import { backoffDelay, type RetryPolicy } from './retry.js';

/** One line of a run's output: our predictions format, plus what the server said about the sample. */
export interface SampleLine {
  readonly id: string;
  readonly sample: number;
  readonly output: string;
  readonly reasoning?: string;
  readonly finish_reason: string | null;
  /** The request's usage (servers report it per request): `samples` says how many samples share it. */
  readonly usage: (Usage & { readonly samples: number }) | null;
  readonly latency_ms: number;
  readonly model: string;
}

/** Samples of one item that failed, with the last reason. */
export interface SampleFailure {
  readonly id: string;
  readonly samples: readonly number[];
  readonly message: string;
  readonly attempts: number;
}

export interface EngineProgress {
  readonly written: number;
  readonly failed: number;
  readonly completionTokens: number;
}

export interface EngineConfig {
  readonly endpoint: Endpoint;
  readonly api: Api;
  readonly model: string;
  /** Item ids, in the order requests are sent. */
  readonly ids: readonly string[];
  /** The sample indices still to be made for item i (ascending). */
  readonly missing: (item: number) => readonly number[];
  /** The request body for item i asking for n samples, the first of them `firstSample`. */
  readonly body: (item: number, n: number, firstSample: number) => Record<string, unknown>;
  /** Samples asked for in one request, at most (the server may return fewer; then fewer are asked). */
  readonly nPerRequest: number;
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  /** Appends the lines of one response; called once per response, never concurrently. */
  readonly write: (lines: readonly SampleLine[]) => void;
  /** Aborting stops sending, abandons requests in flight, and returns what was written. */
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: EngineProgress) => void;
  readonly onFailure?: (failure: SampleFailure) => void;
  readonly onNote?: (note: string) => void;
}

export interface EngineResult {
  readonly written: number;
  readonly failures: readonly SampleFailure[];
  readonly failedSamples: number;
  readonly truncated: number;
  readonly requests: number;
  readonly retries: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Samples per request at the end (lowered when the server returns fewer than asked). */
  readonly nPerRequest: number;
  /** Why the run stopped early: a failure every request would hit (401, 404, ...). */
  readonly fatal: string | null;
  readonly interrupted: boolean;
  readonly notes: readonly string[];
}

interface Task {
  readonly item: number;
  readonly samples: readonly number[];
}

/**
 * Makes every missing sample: `concurrency` workers take requests from one
 * queue (an item's missing samples, `nPerRequest` at a time), retry what is
 * worth retrying with backoff, and hand each response's lines to `write` as
 * soon as it is read. A request that keeps failing is reported and the rest
 * go on; a response with fewer choices than asked, or a server that refuses
 * `n` > 1, makes the remaining requests smaller rather than failing.
 */
export async function runEngine(config: EngineConfig): Promise<EngineResult> {
  const stop = new AbortController();
  const onAbort = () => stop.abort(config.signal.reason);
  if (config.signal.aborted) stop.abort(config.signal.reason);
  else config.signal.addEventListener('abort', onAbort, { once: true });
  const state = {
    nPerRequest: Math.max(1, config.nPerRequest),
    written: 0,
    failedSamples: 0,
    truncated: 0,
    requests: 0,
    retries: 0,
    promptTokens: 0,
    completionTokens: 0,
    fatal: null as string | null,
  };
  const failures: SampleFailure[] = [];
  const notes: string[] = [];
  const note = (text: string) => {
    notes.push(text);
    config.onNote?.(text);
  };
  const progress = () => config.onProgress?.({ written: state.written, failed: state.failedSamples, completionTokens: state.completionTokens });
  const fail = (failure: SampleFailure) => {
    failures.push(failure);
    state.failedSamples += failure.samples.length;
    config.onFailure?.(failure);
    progress();
  };

  const queue: Task[] = [];
  config.ids.forEach((_, item) => {
    const samples = config.missing(item);
    for (let at = 0; at < samples.length; at += state.nPerRequest) queue.push({ item, samples: samples.slice(at, at + state.nPerRequest) });
  });
  // Tasks split when the server turns out to take fewer samples per request than planned.
  const next = (): Task | undefined => {
    const task = queue.shift();
    if (task === undefined || task.samples.length <= state.nPerRequest) return task;
    const parts: Task[] = [];
    for (let at = 0; at < task.samples.length; at += state.nPerRequest)
      parts.push({ item: task.item, samples: task.samples.slice(at, at + state.nPerRequest) });
    queue.unshift(...parts.slice(1));
    return parts[0];
  };

  const perform = async (task: Task): Promise<void> => {
    const id = config.ids[task.item]!;
    const n = task.samples.length;
    const body = config.body(task.item, n, task.samples[0]!);
    for (let tried = 1; ; tried++) {
      state.requests++;
      const result = await attempt(config.endpoint, config.api, body, stop.signal);
      if (result.kind === 'aborted') return;
      if (result.kind === 'ok') {
        const got = Math.min(result.choices.length, n);
        if (result.choices.length < n && state.nPerRequest > 1) {
          state.nPerRequest = Math.max(1, result.choices.length);
          note(
            `the server returned ${result.choices.length} of the ${n} samples asked for in one request; asking for ${state.nPerRequest} at a time from now on`,
          );
        } else if (result.choices.length > n) {
          note(`the server returned ${result.choices.length} samples where ${n} were asked for; the first ${n} were kept`);
        }
        const usage = result.usage === null ? null : { ...result.usage, samples: got };
        const lines: SampleLine[] = [];
        for (let c = 0; c < got; c++) {
          const choice = result.choices[c]!;
          lines.push({
            id,
            sample: task.samples[c]!,
            output: choice.text,
            ...(choice.reasoning !== null && { reasoning: choice.reasoning }),
            finish_reason: choice.finishReason,
            usage,
            latency_ms: Math.round(result.latencyMs),
            model: config.model,
          });
          if (choice.finishReason === 'length') state.truncated++;
        }
        config.write(lines);
        state.written += got;
        state.promptTokens += result.usage?.prompt_tokens ?? 0;
        state.completionTokens += result.usage?.completion_tokens ?? 0;
        if (got < n) queue.unshift({ item: task.item, samples: task.samples.slice(got) });
        progress();
        return;
      }
      if (result.refusesN && n > 1) {
        // llama.cpp refuses n > 1 outright: ask again, one sample per request, without counting a retry.
        if (state.nPerRequest > 1) note(`the server refused ${n} samples per request (${result.message}); asking for one at a time from now on`);
        state.nPerRequest = 1;
        queue.unshift(...task.samples.map((sample) => ({ item: task.item, samples: [sample] })));
        return;
      }
      if (result.kind === 'fatal') {
        state.fatal ??= result.message;
        stop.abort(new Error(result.message));
        return;
      }
      if (result.kind === 'fail' || tried >= config.retry.attempts) {
        const message = result.kind === 'fail' ? result.message : `gave up after ${tried} attempts; the last: ${result.message}`;
        fail({ id, samples: task.samples, message, attempts: tried });
        return;
      }
      state.retries++;
      try {
        await config.retry.sleep(backoffDelay(tried - 1, config.retry, result.retryAfterMs), stop.signal);
      } catch {
        return; // aborted while waiting
      }
    }
  };

  // An error no request explains (the output cannot be written) stops every worker; it is thrown
  // once all have stopped, so none is left writing after the caller has closed the file.
  let broken: { error: unknown } | null = null;
  const worker = async () => {
    try {
      for (let task = next(); task !== undefined && !stop.signal.aborted; task = next()) await perform(task);
    } catch (error) {
      broken ??= { error };
      stop.abort(error);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, config.concurrency) }, worker));
  } finally {
    config.signal.removeEventListener('abort', onAbort);
  }
  if (broken !== null) throw (broken as { error: unknown }).error;
  return {
    written: state.written,
    failures,
    failedSamples: state.failedSamples,
    truncated: state.truncated,
    requests: state.requests,
    retries: state.retries,
    promptTokens: state.promptTokens,
    completionTokens: state.completionTokens,
    nPerRequest: state.nPerRequest,
    fatal: state.fatal,
    interrupted: config.signal.aborted,
    notes,
  };
}
