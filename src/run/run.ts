import { existsSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { loadDataset } from '../export/dataset.js';
import { chatMessages, completionPrompt, selectFewshot, type PromptTemplate } from '../prompt/index.js';
import type { ProblemRecord } from '../records/problem.js';
import { sha256File } from '../io/file-digest.js';
import type { Endpoint } from './client.js';
import { runEngine, type EngineProgress, type SampleFailure } from './engine.js';
import { acquireLock } from './lock.js';
import { readExistingOutput, SampleAppender } from './output.js';
import {
  FAILURES_KEPT,
  identityDifference,
  newRecord,
  publicEndpoint,
  readRunRecord,
  recordPath,
  writeRunRecord,
  type RunIdentity,
  type Sampling,
  type Session,
} from './record.js';
import type { Api } from './response.js';
import type { RetryPolicy } from './retry.js';
import { requestSeed } from './seed.js';

export interface RunOptions {
  readonly dataset: string;
  readonly out: string;
  readonly endpoint: Endpoint;
  /** The name of the variable the key came from, for the run record. */
  readonly apiKeyEnv: string;
  readonly model: string;
  readonly api: Api;
  /** Samples per item the output should hold when the run is done. */
  readonly samples: number;
  readonly sampling: Sampling;
  readonly template: PromptTemplate;
  readonly fewshot: { readonly file: string; readonly count: number; readonly seed: number } | null;
  readonly concurrency: number;
  /** At most this many samples per request (default: all of an item's missing samples in one). */
  readonly nPerRequest?: number;
  readonly retry: RetryPolicy;
  readonly signal: AbortSignal;
  readonly now?: () => number;
  /** Once the plan is known: samples to make, and samples already in the file. */
  readonly onStart?: (plan: { readonly toDo: number; readonly skipped: number; readonly items: number }) => void;
  readonly onProgress?: (progress: EngineProgress) => void;
  readonly onFailure?: (failure: SampleFailure) => void;
  readonly onNote?: (note: string) => void;
}

export interface RunSummary {
  readonly outcome: Session['outcome'];
  readonly items: number;
  /** Samples the output should hold (items x --samples). */
  readonly target: number;
  /** Already in the file from earlier sessions. */
  readonly skipped: number;
  readonly written: number;
  readonly failed: number;
  readonly failures: readonly SampleFailure[];
  readonly truncated: number;
  readonly requests: number;
  readonly retries: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly wallSeconds: number;
  readonly nPerRequest: number;
  readonly fatal: string | null;
  readonly notes: readonly string[];
  readonly record: string;
}

/**
 * `reasonforge run` as a library call: sample a model on every item of a
 * dataset through an OpenAI-compatible API, appending to `out`, resuming
 * what an earlier session of the same command left unfinished.
 */
export async function runModel(options: RunOptions): Promise<RunSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const dataset = await loadDataset(options.dataset);
  const records = dataset.records;
  const shots = options.fewshot === null ? [] : selectFewshot(dataset, await loadDataset(options.fewshot.file), options.fewshot.count, options.fewshot.seed);
  const identity: RunIdentity = {
    model: options.model,
    api: options.api,
    sampling: options.sampling,
    prompt: {
      source: options.template.source,
      template: options.template.text,
      template_sha256: options.template.sha256,
      fewshot:
        options.fewshot === null
          ? null
          : { file: options.fewshot.file, sha256: await sha256File(options.fewshot.file), seed: options.fewshot.seed, ids: shots.map((s) => s.id) },
    },
    dataset: { file: options.dataset, sha256: await sha256File(options.dataset), items: records.length },
  };
  const endpoint = publicEndpoint(options.endpoint.baseUrl);
  const release = acquireLock(options.out);
  try {
    return await runLocked(options, records, shots, identity, endpoint, started);
  } finally {
    release();
  }
}

async function runLocked(
  options: RunOptions,
  records: readonly ProblemRecord[],
  shots: readonly ProblemRecord[],
  identity: RunIdentity,
  endpoint: string,
  started: number,
): Promise<RunSummary> {
  const now = options.now ?? Date.now;
  const record = checkedRecord(options, identity, endpoint);
  const existing = await readExistingOutput(options.out, new Set(records.map((r) => r.id)));
  const notes: string[] = [];
  const note = (text: string) => {
    notes.push(text);
    options.onNote?.(text);
  };
  if (existing.partialBytes > 0) note(`cut off an incomplete last line (${existing.partialBytes} bytes) that an interrupted session left in ${options.out}`);

  const missing = records.map((r) => {
    const done = existing.done.get(r.id);
    const list: number[] = [];
    for (let s = 0; s < options.samples; s++) if (done === undefined || !done.has(s)) list.push(s);
    return list;
  });
  const toDo = missing.reduce((a, m) => a + m.length, 0);
  const target = records.length * options.samples;
  const skipped = target - toDo;
  const beyond = existing.lines - skipped;
  if (beyond > 0) note(`${options.out} already holds ${beyond} samples beyond --samples ${options.samples}; they stay in the file, and score reads them`);
  options.onStart?.({ toDo, skipped, items: records.length });

  const session: Session = {
    started: new Date(started).toISOString(),
    finished: null,
    outcome: 'running',
    endpoint,
    samples_target: options.samples,
    concurrency: options.concurrency,
    timeout_s: options.endpoint.timeoutMs / 1000,
    retries: options.retry.attempts - 1,
    n_per_request: options.nPerRequest ?? options.samples,
    skipped,
    written: 0,
    failed: 0,
    truncated: 0,
    requests: 0,
    retried: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    wall_s: 0,
    notes: [],
    failures: [],
  };
  record.endpoint = endpoint;
  record.samples = options.samples;
  record.sessions.push(session);
  writeRunRecord(options.out, record);

  const appender = new SampleAppender(options.out, existing);
  let result;
  try {
    result = await runEngine({
      endpoint: options.endpoint,
      api: options.api,
      model: options.model,
      ids: records.map((r) => r.id),
      missing: (item) => missing[item]!,
      body: (item, n, first) => requestBody(options, shots, records[item]!, n, first),
      nPerRequest: options.nPerRequest ?? options.samples,
      concurrency: options.concurrency,
      retry: options.retry,
      write: (lines) => appender.append(lines),
      signal: options.signal,
      ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
      ...(options.onFailure !== undefined && { onFailure: options.onFailure }),
      onNote: note,
    });
  } finally {
    appender.close();
  }
  const wallSeconds = (now() - started) / 1000;
  const outcome: Session['outcome'] =
    result.fatal !== null ? 'stopped' : result.interrupted ? 'interrupted' : result.failedSamples > 0 ? 'incomplete' : 'complete';
  Object.assign(session, {
    finished: new Date(now()).toISOString(),
    outcome,
    n_per_request: result.nPerRequest,
    written: result.written,
    failed: result.failedSamples,
    truncated: result.truncated,
    requests: result.requests,
    retried: result.retries,
    prompt_tokens: result.promptTokens,
    completion_tokens: result.completionTokens,
    wall_s: Math.round(wallSeconds * 1000) / 1000,
    notes,
    failures: result.failures.slice(0, FAILURES_KEPT).map((f) => ({ id: f.id, samples: [...f.samples], message: f.message })),
  });
  writeRunRecord(options.out, record);
  return {
    outcome,
    items: records.length,
    target,
    skipped,
    written: result.written,
    failed: result.failedSamples,
    failures: result.failures,
    truncated: result.truncated,
    requests: result.requests,
    retries: result.retries,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    wallSeconds,
    nPerRequest: result.nPerRequest,
    fatal: result.fatal,
    notes,
    record: recordPath(options.out),
  };
}

/** The record to continue: the one beside the output if it matches this run, a new one if there is no output yet. */
function checkedRecord(options: RunOptions, identity: RunIdentity, endpoint: string) {
  const existing = readRunRecord(options.out);
  const outExists = existsSync(options.out);
  if (existing === null) {
    if (outExists) {
      throw new ReasonforgeError(
        'run-output-foreign',
        `exists, and has no run record beside it (${recordPath(options.out)}); reasonforge run appends only to its own files: choose another --out`,
        { file: options.out },
      );
    }
    return newRecord(identity, options.apiKeyEnv, endpoint, options.samples);
  }
  if (!outExists) return newRecord(identity, options.apiKeyEnv, endpoint, options.samples);
  const difference = identityDifference(existing, identity);
  if (difference !== null) {
    throw new ReasonforgeError('run-mismatch', `${difference}; run the same command to finish it, or write to another --out`, { file: options.out });
  }
  return existing;
}

function requestBody(options: RunOptions, shots: readonly ProblemRecord[], record: ProblemRecord, n: number, firstSample: number): Record<string, unknown> {
  const { sampling } = options;
  const input =
    options.api === 'chat'
      ? { messages: chatMessages(options.template, shots, record.question) }
      : { prompt: completionPrompt(options.template, shots, record.question) };
  return {
    model: options.model,
    ...input,
    // n is left out when 1: it is the default everywhere, and some servers know no n at all.
    ...(n > 1 && { n }),
    temperature: sampling.temperature,
    top_p: sampling.top_p,
    max_tokens: sampling.max_tokens,
    ...(sampling.seed !== null && { seed: requestSeed(sampling.seed, record.id, firstSample) }),
    ...(sampling.stop !== null && { stop: sampling.stop }),
    stream: false,
  };
}
