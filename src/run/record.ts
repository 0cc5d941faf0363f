import { existsSync, readFileSync } from 'node:fs';
import { ReasonforgeError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { GENERATOR } from '../version.js';
import type { Api } from './response.js';

/** What a run record's `format` and `format_version` say, so that a reader can tell it from any other JSON. */
export const RUN_FORMAT = 'reasonforge-run';
export const RUN_FORMAT_VERSION = 1;

export interface Sampling {
  readonly temperature: number;
  readonly top_p: number;
  readonly max_tokens: number;
  /** null: no seed was sent, the server chose. */
  readonly seed: number | null;
  readonly stop: readonly string[] | null;
}

export interface PromptRecord {
  /** 'default', or the template file. */
  readonly source: string;
  readonly template: string;
  readonly template_sha256: string;
  readonly fewshot: { readonly file: string; readonly sha256: string | null; readonly seed: number; readonly ids: readonly string[] } | null;
}

/** What must be the same for a re-run to append to the same file. */
export interface RunIdentity {
  readonly model: string;
  readonly api: Api;
  readonly sampling: Sampling;
  readonly prompt: PromptRecord;
  readonly dataset: { readonly file: string; readonly sha256: string | null; readonly items: number };
}

export interface Session {
  readonly started: string;
  finished: string | null;
  /** running: still going, or killed without a chance to say; complete; incomplete (some samples failed); interrupted; stopped (a fatal error). */
  outcome: 'running' | 'complete' | 'incomplete' | 'interrupted' | 'stopped';
  readonly endpoint: string;
  readonly samples_target: number;
  readonly concurrency: number;
  readonly timeout_s: number;
  readonly retries: number;
  n_per_request: number;
  skipped: number;
  written: number;
  failed: number;
  truncated: number;
  requests: number;
  retried: number;
  prompt_tokens: number;
  completion_tokens: number;
  wall_s: number;
  notes: string[];
  /** Samples that failed in this session (the first FAILURES_KEPT), with the last reason. */
  failures: { id: string; samples: number[]; message: string }[];
}

export const FAILURES_KEPT = 1000;

/**
 * The run record beside the output (`<out>.run.json`): everything that
 * decides what the model was asked (model, API, every sampling parameter,
 * the prompt template and its sha256, the few-shot examples, the dataset's
 * sha256), so a run can be reproduced and audited, and one session per
 * invocation with what it did. Never the API key: only the name of the
 * variable it was read from.
 */
export interface RunRecord extends RunIdentity {
  readonly format: typeof RUN_FORMAT;
  readonly format_version: typeof RUN_FORMAT_VERSION;
  readonly generator: { readonly name: string; readonly version: string };
  /** The variable the API key was read from; the key itself is never written. */
  readonly api_key_env: string;
  /** The endpoint of the latest session, without any user name or password in the URL. */
  endpoint: string;
  /** Samples per item the latest session aimed at. */
  samples: number;
  readonly sessions: Session[];
}

export function recordPath(out: string): string {
  return `${out}.run.json`;
}

/** The URL with any credentials in it removed, for writing and printing. */
export function publicEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export function readRunRecord(out: string): RunRecord | null {
  const path = recordPath(out);
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReasonforgeError(
      'run-record-invalid',
      `not valid JSON (${error instanceof Error ? error.message : String(error)}); move it away to start the run afresh`,
      { file: path },
    );
  }
  const record = value as Partial<RunRecord>;
  if (record.format !== RUN_FORMAT || record.format_version !== RUN_FORMAT_VERSION || !Array.isArray(record.sessions)) {
    throw new ReasonforgeError('run-record-invalid', `not a ${RUN_FORMAT} record of version ${RUN_FORMAT_VERSION}`, { file: path });
  }
  return record as RunRecord;
}

export function writeRunRecord(out: string, record: RunRecord): void {
  writeFileAtomic(recordPath(out), `${JSON.stringify(record, null, 2)}\n`, { force: true });
}

/**
 * The first difference between what a file was made with and what this run
 * asks, as a sentence, or null when the run may append. --samples may differ
 * (raising it adds samples); the endpoint may too (a server that moved).
 */
export function identityDifference(before: RunIdentity, now: RunIdentity): string | null {
  const show = (value: unknown) => JSON.stringify(value);
  const fields: [string, unknown, unknown][] = [
    ['the model', before.model, now.model],
    ['the API', before.api, now.api],
    ['--temperature', before.sampling.temperature, now.sampling.temperature],
    ['--top-p', before.sampling.top_p, now.sampling.top_p],
    ['--max-tokens', before.sampling.max_tokens, now.sampling.max_tokens],
    ['--seed', before.sampling.seed, now.sampling.seed],
    ['the stop sequences', before.sampling.stop, now.sampling.stop],
    ['the prompt template (sha256)', before.prompt.template_sha256, now.prompt.template_sha256],
    ['the few-shot examples', before.prompt.fewshot?.ids ?? [], now.prompt.fewshot?.ids ?? []],
    ['the dataset (sha256)', before.dataset.sha256, now.dataset.sha256],
  ];
  for (const [name, was, is] of fields) {
    if (show(was) !== show(is)) return `was made with ${name} ${show(was)}, and this run asks ${show(is)}`;
  }
  return null;
}

export function newRecord(identity: RunIdentity, apiKeyEnv: string, endpoint: string, samples: number): RunRecord {
  return {
    format: RUN_FORMAT,
    format_version: RUN_FORMAT_VERSION,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    ...identity,
    api_key_env: apiKeyEnv,
    endpoint,
    samples,
    sessions: [],
  };
}
