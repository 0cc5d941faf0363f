import { ReasonforgeError } from '../../errors.js';
import { checkInputFile, checkOutputFile } from '../../io/paths.js';
import { DEFAULT_TEMPLATE, loadPromptTemplate } from '../../prompt/index.js';
import type { SampleFailure } from '../../run/engine.js';
import { summaryLines, RunProgress } from '../../run/progress.js';
import { DEFAULT_BASE_DELAY_MS, DEFAULT_RETRIES, defaultRetryPolicy } from '../../run/retry.js';
import { runModel } from '../../run/run.js';
import { publicEndpoint } from '../../run/record.js';
import { integerFlag, parseCommandArgs, requireString, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../command.js';
import { abortOnSignals } from '../run-signals.js';

const OPTIONS = {
  dataset: { type: 'string' },
  endpoint: { type: 'string' },
  model: { type: 'string' },
  out: { type: 'string' },
  samples: { type: 'string' },
  temperature: { type: 'string' },
  'top-p': { type: 'string' },
  'max-tokens': { type: 'string' },
  seed: { type: 'string' },
  concurrency: { type: 'string' },
  'n-per-request': { type: 'string' },
  prompt: { type: 'string' },
  fewshot: { type: 'string' },
  'num-fewshot': { type: 'string' },
  'fewshot-seed': { type: 'string' },
  chat: { type: 'boolean' },
  completions: { type: 'boolean' },
  'api-key-env': { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'retry-delay': { type: 'string' },
} as const;

export const DEFAULT_MAX_TOKENS = 2048;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_S = 600;
/** The stop sequences of the completions API with the GSM8K-style prompt: those of lm-eval's gsm8k task. */
export const COMPLETION_STOP = ['Question:', '</s>', '<|im_end|>'];
const SEED_MAX = 2 ** 31 - 1;

function numberFlag(value: string | undefined, flag: string, fallback: number, check: (n: number) => boolean, allowed: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`run: --${flag} must be ${allowed}, got "${value}"`);
  return n;
}

export const run: Command = {
  name: 'run',
  summary: 'sample a model through an OpenAI-compatible API (vLLM, SGLang, llama.cpp, Ollama, ...) into predictions',
  usage: `Usage: reasonforge run --dataset D.jsonl --endpoint URL --model NAME --out preds.jsonl [options]

  --endpoint URL        the API base, e.g. http://localhost:8000/v1 (vLLM), http://localhost:11434/v1 (Ollama)
  --model NAME          the model name the server knows
  --out FILE            appends one line per sample ({"id","sample","output","finish_reason","usage",
                        "latency_ms","model"}); FILE.run.json records the model, endpoint, every sampling
                        parameter and the prompt. Running the same command again makes only what is missing.
  --samples N           samples per item (default 1)
  --temperature T       default 0 with one sample, 1 with several
  --top-p P             default 1
  --max-tokens M        per sample (default ${DEFAULT_MAX_TOKENS}); outputs cut off here are counted and reported
  --seed S              makes each request's seed from S, the item and the sample (0 to ${SEED_MAX}); default: none sent
  --concurrency C       requests in flight (default ${DEFAULT_CONCURRENCY})
  --n-per-request N     samples asked for in one request (default: all of an item's); lowered by itself when
                        the server returns fewer or refuses n > 1
  --chat                /v1/chat/completions (default; few-shot examples become earlier turns)
  --completions         /v1/completions with the whole prompt as text, stopping at "Question:"
  --prompt FILE         a template in which {question} is replaced by the question
                        (default: "Question: {question}\\nAnswer:", the lm-eval export's prompt)
  --fewshot FILE        solved examples (e.g. generate --split train); refused if it shares items with the dataset
  --num-fewshot K       examples before every question (default 5 with --fewshot)
  --fewshot-seed S      seed of the choice of examples (default 0)
  --api-key-env NAME    the environment variable holding the API key (default OPENAI_API_KEY);
                        the key is sent as a bearer token and never printed or written
  --timeout S           seconds per attempt (default ${DEFAULT_TIMEOUT_S})
  --retries N           retries of a request after 429, 5xx, a timeout or a dropped connection (default ${DEFAULT_RETRIES})
  --retry-delay MS      the first backoff's upper bound; each further one doubles, up to 30 s, with full
                        jitter; a server's Retry-After is honoured instead (default ${DEFAULT_BASE_DELAY_MS})

Exit status: 0 when every sample is in the file, 1 when some failed or the server refused the run
(run again to finish), 2 for bad usage, 130 after Ctrl-C (143 SIGTERM, 129 SIGHUP).`,

  async run(args, io) {
    const { values, positionals } = parseCommandArgs('run', args, OPTIONS, false);
    if (positionals.length > 0) throw new UsageError('run: unexpected arguments');
    const dataset = requireString('run', values.dataset, 'dataset');
    const endpointUrl = requireString('run', values.endpoint, 'endpoint');
    if (!/^https?:\/\/[^/]/i.test(endpointUrl))
      throw new UsageError(`run: --endpoint must be an http:// or https:// URL such as http://localhost:8000/v1, got "${endpointUrl}"`);
    const model = requireString('run', values.model, 'model');
    const out = requireString('run', values.out, 'out');
    if (values.chat && values.completions) throw new UsageError('run: give --chat or --completions, not both');
    const api = values.completions ? 'completions' : 'chat';
    const samples = integerFlag('run', values.samples, 'samples', 1, 1);
    const temperature = numberFlag(values.temperature, 'temperature', samples > 1 ? 1 : 0, (n) => n >= 0 && n <= 2, 'a number from 0 to 2');
    const topP = numberFlag(values['top-p'], 'top-p', 1, (n) => n > 0 && n <= 1, 'a number above 0 and at most 1');
    const maxTokens = integerFlag('run', values['max-tokens'], 'max-tokens', DEFAULT_MAX_TOKENS, 1);
    const seed = values.seed === undefined ? null : integerFlag('run', values.seed, 'seed', 0, 0, SEED_MAX);
    const concurrency = integerFlag('run', values.concurrency, 'concurrency', DEFAULT_CONCURRENCY, 1);
    const nPerRequest = values['n-per-request'] === undefined ? undefined : integerFlag('run', values['n-per-request'], 'n-per-request', 1, 1);
    const timeout = numberFlag(values.timeout, 'timeout', DEFAULT_TIMEOUT_S, (n) => n > 0, 'a number of seconds above 0');
    const retries = integerFlag('run', values.retries, 'retries', DEFAULT_RETRIES, 0);
    const retryDelay = integerFlag('run', values['retry-delay'], 'retry-delay', DEFAULT_BASE_DELAY_MS, 0);
    if (values.fewshot === undefined && (values['num-fewshot'] !== undefined || values['fewshot-seed'] !== undefined))
      throw new UsageError('run: --num-fewshot and --fewshot-seed need --fewshot FILE');
    const fewshot =
      values.fewshot === undefined
        ? null
        : {
            file: values.fewshot,
            count: integerFlag('run', values['num-fewshot'], 'num-fewshot', 5, 0),
            seed: integerFlag('run', values['fewshot-seed'], 'fewshot-seed', 0),
          };
    // run appends to --out, so an existing file is fine; a folder, '-' or an empty name is not.
    checkOutputFile(out, { force: true, flag: '--out' });
    checkInputFile(dataset, { flag: '--dataset' });
    if (values.prompt !== undefined) checkInputFile(values.prompt, { flag: '--prompt' });
    if (values.fewshot !== undefined) checkInputFile(values.fewshot, { flag: '--fewshot' });
    const template = values.prompt === undefined ? DEFAULT_TEMPLATE : loadPromptTemplate(values.prompt);
    const apiKeyEnv = values['api-key-env'] ?? 'OPENAI_API_KEY';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(apiKeyEnv)) throw new UsageError(`run: --api-key-env takes the name of an environment variable, got "${apiKeyEnv}"`);
    const apiKey = process.env[apiKeyEnv];
    if (values['api-key-env'] !== undefined && (apiKey === undefined || apiKey === '')) {
      throw new ReasonforgeError('api-key-missing', `--api-key-env ${apiKeyEnv}: the variable is not set or empty`);
    }

    const say = (line: string) => io.stderr.write(`reasonforge run: ${line}\n`);
    const controller = new AbortController();
    const started = Date.now();
    // Made once the plan is known; a holder, since callbacks assign it.
    const ui: { progress: RunProgress | null } = { progress: null };
    const trap = abortOnSignals(controller, (signal) => {
      ui.progress?.clear();
      say(`${signal}: stopping; requests in flight are abandoned, every finished sample is in ${out}`);
    });
    const failures: SampleFailure[] = [];
    try {
      const summary = await runModel({
        dataset,
        out,
        endpoint: { baseUrl: endpointUrl, apiKey: apiKey === undefined || apiKey === '' ? null : apiKey, timeoutMs: timeout * 1000 },
        apiKeyEnv,
        model,
        api,
        samples,
        sampling: { temperature, top_p: topP, max_tokens: maxTokens, seed, stop: api === 'completions' ? COMPLETION_STOP : null },
        template,
        fewshot,
        concurrency,
        ...(nPerRequest !== undefined && { nPerRequest }),
        retry: defaultRetryPolicy({ attempts: retries + 1, baseDelayMs: retryDelay }),
        signal: controller.signal,
        onStart: ({ toDo, skipped, items }) => {
          say(
            `${model} at ${publicEndpoint(endpointUrl)} (${api === 'chat' ? '/chat/completions' : '/completions'}): ${toDo.toLocaleString('en-US')} samples to make for ${items.toLocaleString('en-US')} items` +
              `${skipped > 0 ? `, ${skipped.toLocaleString('en-US')} already in ${out}` : ''}; temperature ${temperature}, top_p ${topP}, max_tokens ${maxTokens}, seed ${seed ?? 'none'}; ` +
              (apiKey === undefined || apiKey === '' ? `no API key (${apiKeyEnv} is not set)` : `API key from ${apiKeyEnv}`),
          );
          if (samples > 1 && temperature === 0)
            say(`note: --temperature 0 with --samples ${samples}: greedy decoding makes the samples alike, so pass@k will be about pass@1`);
          ui.progress = new RunProgress(io.stderrIsTTY ? (text) => io.stderr.write(text) : null, toDo, Date.now, started);
        },
        onProgress: (state) => ui.progress?.update(state),
        onFailure: (failure) => {
          failures.push(failure);
          ui.progress?.clear();
          say(
            `${failure.id}: ${failure.samples.length === 1 ? `sample ${failure.samples[0]}` : `samples ${failure.samples[0]}-${failure.samples[failure.samples.length - 1]}`} failed: ${failure.message}`,
          );
        },
        onNote: (text) => {
          ui.progress?.clear();
          say(`note: ${text}`);
        },
      });
      ui.progress?.clear();
      for (const line of summaryLines(summary, out)) say(line);
      const interrupted = trap.exitCode();
      if (interrupted !== null) return interrupted;
      return summary.outcome === 'complete' ? EXIT_OK : EXIT_FAILURE;
    } finally {
      trap.dispose();
    }
  },
};
