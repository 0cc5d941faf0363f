import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReasonforgeError } from '../../errors.js';
import { AtomicFile } from '../../io/atomic-write.js';
import { checkSteps, verify, type EquivalenceOptions, type VerifyOptions } from '../../verify/index.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command, type CommandIO } from '../command.js';

const USAGE = `Usage:
  reasonforge verify --expected ANSWER [options] [TEXT]
      Verify one model output (TEXT, or standard input when TEXT is absent) and print the verdict as JSON.
      Exit status 0 when the answer is correct, 1 when it is not.
  reasonforge verify --jsonl IN [--out OUT] [options]
      Verify every line {"id"?, "output": "...", "expected": "..."} of IN ("-" for standard input); each
      line is written back with "correct", "extracted", "strategy" and "reason" added. A malformed line
      is reported on standard error with its line number and the others go on; exit status 1 if any was.

Options:
  --expected ANSWER  the reference answer: 42, -3, 12.5, 7/3, \\frac{1}{2}, unanswerable, ...
  --jsonl IN         the JSONL file to verify
  --out OUT          write the verified JSONL to OUT instead of standard output
  --force            replace OUT if it exists
  --strict           never guess: no last-number fallback
  --tolerance T      rounded (default), exact, or a relative tolerance such as 1e-6
  --percent P        what a % on one side means: either (default), label (25% = 25), value (25% = 0.25)
  --steps            also check the arithmetic steps; adds "steps": {claims, valid, wrong}
`;

const OPTIONS = {
  expected: { type: 'string' },
  jsonl: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  strict: { type: 'boolean' },
  tolerance: { type: 'string' },
  percent: { type: 'string' },
  steps: { type: 'boolean' },
} as const;

function toleranceFlag(value: string | undefined): NonNullable<EquivalenceOptions['tolerance']> {
  if (value === undefined || value === 'rounded') return 'rounded';
  if (value === 'exact') return 'exact';
  const relative = Number(value);
  if (value.trim() === '' || !Number.isFinite(relative) || relative < 0) {
    throw new UsageError(`verify: --tolerance must be rounded, exact or a non-negative number, got "${value}"`);
  }
  return { relative };
}

function percentFlag(value: string | undefined): NonNullable<EquivalenceOptions['percent']> {
  if (value === undefined) return 'either';
  if (value === 'either' || value === 'label' || value === 'value') return value;
  throw new UsageError(`verify: --percent must be either, label or value, got "${value}"`);
}

/** The step check as the CLI prints it. */
function stepsSummary(output: string): Record<string, unknown> {
  const result = checkSteps(output);
  return { claims: result.claims, valid: result.valid, wrong: result.wrong, rounded: result.rounded };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Why a JSONL line cannot be verified, or the fields to verify. */
function readRecord(line: string): { record: Record<string, unknown>; output: string; expected: string } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a JSON object';
  const record = parsed as Record<string, unknown>;
  if (typeof record['output'] !== 'string') return '"output" must be a string';
  const expected = record['expected'];
  if (typeof expected === 'number' && Number.isFinite(expected)) return { record, output: record['output'], expected: String(expected) };
  if (typeof expected !== 'string') return '"expected" must be a string (or a number)';
  return { record, output: record['output'], expected };
}

async function verifyJsonl(input: string, outPath: string | undefined, force: boolean, options: VerifyOptions, withSteps: boolean, io: CommandIO): Promise<number> {
  if (input !== '-' && !existsSync(input)) throw new ReasonforgeError('file-not-found', 'no such file', { file: input });
  const source = input === '-' ? io.stdin : createReadStream(input, { encoding: 'utf8' });
  const name = input === '-' ? '<stdin>' : input;
  const out = outPath === undefined ? null : new AtomicFile(outPath, { force });
  const write = (text: string): void => {
    if (out === null) io.stdout.write(text);
    else out.write(text);
  };
  let lineNumber = 0;
  let verified = 0;
  let correct = 0;
  let malformed = 0;
  try {
    for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') continue;
      const read = readRecord(line);
      if (typeof read === 'string') {
        malformed++;
        io.stderr.write(`${name}:${lineNumber}: ${read}; line skipped\n`);
        continue;
      }
      const verdict = verify(read.output, read.expected, options);
      const annotated: Record<string, unknown> = { ...read.record, correct: verdict.correct, extracted: verdict.extracted, strategy: verdict.strategy, reason: verdict.reason };
      if (withSteps) annotated['steps'] = stepsSummary(read.output);
      write(`${JSON.stringify(annotated)}\n`);
      verified++;
      if (verdict.correct) correct++;
    }
    out?.commit();
  } catch (error) {
    out?.abort();
    throw error;
  }
  const share = verified === 0 ? '' : ` (${((100 * correct) / verified).toFixed(1)}%)`;
  io.stderr.write(`reasonforge verify: ${verified} lines verified, ${correct} correct${share}, ${malformed} malformed${out === null ? '' : `; wrote ${outPath}`}\n`);
  return malformed > 0 ? EXIT_FAILURE : EXIT_OK;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check model outputs against reference answers (one, or a JSONL file)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('verify', args, OPTIONS);
    const options: VerifyOptions = {
      strict: values.strict === true,
      tolerance: toleranceFlag(values.tolerance),
      percent: percentFlag(values.percent),
    };
    if (values.jsonl !== undefined) {
      if (values.expected !== undefined) throw new UsageError('verify: --expected and --jsonl cannot be used together (each JSONL line has its own "expected")');
      if (positionals.length > 0) throw new UsageError('verify: with --jsonl, give no TEXT argument');
      return verifyJsonl(values.jsonl, values.out, values.force === true, options, values.steps === true, io);
    }
    if (values.expected === undefined) throw new UsageError('verify: give --expected ANSWER (with TEXT or standard input), or --jsonl IN');
    if (values.out !== undefined || values.force === true) throw new UsageError('verify: --out and --force go with --jsonl');
    if (positionals.length > 1) throw new UsageError(`verify: give the text as one argument (quote it), got ${positionals.length}`);
    const text = positionals[0] ?? (await readAll(io.stdin));
    const verdict = verify(text, values.expected, options);
    const printed: Record<string, unknown> = { ...verdict };
    if (values.steps === true) printed['steps'] = stepsSummary(text);
    io.stdout.write(`${JSON.stringify(printed)}\n`);
    return verdict.correct ? EXIT_OK : EXIT_FAILURE;
  },
};
