import { printable } from '../../errors.js';
import { parseJsonLine } from '../../io/jsonl.js';
import { lineBatches } from '../../io/line-batches.js';
import { checkInputFile, STDIO } from '../../io/paths.js';
import { checkSteps, verify, type EquivalenceOptions, type ReferenceForm, type VerifyOptions } from '../../verify/index.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT_FAILURE, EXIT_OK, type Command, type CommandIO } from '../command.js';
import { openOutput } from '../output.js';

const USAGE = `Usage:
  reasonforge verify --expected ANSWER [options] [TEXT]
      Verify one model output (TEXT, or standard input when TEXT is absent) and print the verdict as JSON.
      Exit status 0 when the answer is correct, 1 when it is not.
  reasonforge verify --jsonl IN [--dataset D.jsonl] [--out OUT] [options]
      Verify every line {"id"?, "output": "...", "expected": "..."} of IN ("-" for standard input); each
      line is written back with "correct", "extracted", "strategy" and "reason" added. With --dataset,
      lines need only {"id", "output"}: the expected answer is the answer of the dataset item of that id.
      A line that cannot be verified is reported on standard error as FILE:LINE: why (the first 10;
      the rest are counted by reason) and the others go on; exit status 1 if any was.

Options:
  --expected ANSWER  the reference answer: 42, -3, 12.5, 7/3, \\frac{1}{2}, unanswerable, ...
  --jsonl IN         the JSONL file to verify
  --dataset D        with --jsonl: take each line's expected answer from the item of D with its "id"
  --out OUT          write the verified JSONL to OUT instead of standard output (- is standard output)
  --force            replace OUT if it exists
  --strict           never guess: no last-number fallback
  --tolerance T      rounded (default), exact, or a relative tolerance such as 1e-6
  --percent P        what a % on one side means: either (default), label (25% = 25), value (25% = 0.25)
  --reference R      exact (default), or rounded: a reference of 2 or more decimals may itself be
                     rounded, so 13/3 and 4.333 match 4.33 (4.34 does not). With --dataset, items
                     marked source.rounded (GSM-Plus's rounded answers) are always read as rounded
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
  reference: { type: 'string' },
  steps: { type: 'boolean' },
  dataset: { type: 'string' },
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

function referenceFlag(value: string | undefined): ReferenceForm {
  if (value === undefined || value === 'exact' || value === 'rounded') return value ?? 'exact';
  throw new UsageError(`verify: --reference must be exact or rounded, got "${value}"`);
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

/** Characters of verified lines gathered before they are written. */
const FLUSH_AT = 1 << 16;

/** Lines reported one by one before the rest are only counted, so a wrong file does not flood the terminal. */
export const PROBLEM_LINES_SHOWN = 10;

/** A dataset item's reference answer and how to read it. */
interface ItemAnswer {
  readonly answer: string;
  readonly reference: ReferenceForm;
}

type Expected = ReadonlyMap<string, ItemAnswer> | null;

/** Why a JSONL line cannot be verified, or the fields to verify. With a dataset, "expected" comes from the item the "id" names. */
function readRecord(
  line: string,
  answers: Expected,
): { record: Record<string, unknown>; output: string; expected: string; reference?: ReferenceForm } | string {
  const parsed = parseJsonLine(line);
  if (!parsed.ok) return parsed.message;
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return 'not a JSON object';
  const record = parsed.value as Record<string, unknown>;
  if (typeof record['output'] !== 'string') return '"output" must be a string';
  if (answers !== null) {
    const id = record['id'];
    if (typeof id !== 'string') return '"id" must be a string (--dataset joins lines to items by id)';
    const item = answers.get(id);
    if (item === undefined) return `id ${JSON.stringify(id)} is not in the dataset`;
    return { record, output: record['output'], expected: item.answer, reference: item.reference };
  }
  const expected = record['expected'];
  if (typeof expected === 'number' && Number.isFinite(expected)) return { record, output: record['output'], expected: String(expected) };
  if (typeof expected !== 'string') return '"expected" must be a string (or a number); or pass --dataset D.jsonl to take it from the item named by "id"';
  return { record, output: record['output'], expected };
}

/**
 * The line with the verdict's fields added. Serialising the whole record again
 * would cost more than verifying it (the output is most of the line), so when
 * the record has none of the added keys the fields are appended to the line
 * as it was read; otherwise the record is rebuilt with them replacing its own.
 */
function annotatedLine(text: string, record: Record<string, unknown>, added: Record<string, unknown>): string {
  const keys = Object.keys(added);
  if (keys.some((key) => Object.hasOwn(record, key))) return `${JSON.stringify({ ...record, ...added })}\n`;
  const fields = keys.map((key) => `${JSON.stringify(key)}:${JSON.stringify(added[key])}`).join(',');
  return `${text.slice(0, text.lastIndexOf('}'))},${fields}}\n`;
}

/** The reference answer of every item of a reasonforge dataset, by id. */
async function answersOf(dataset: string): Promise<Map<string, ItemAnswer>> {
  const answers = new Map<string, ItemAnswer>();
  // Loaded here: reading a dataset needs the schema checker, which verifying alone should not pay for at start-up.
  const { readRecords } = await import('../../records/read-records.js');
  const { referenceFormOf } = await import('../../records/rounded-answer.js');
  for await (const { record } of readRecords(dataset)) answers.set(record.id, { answer: record.answer, reference: referenceFormOf(record) });
  return answers;
}

interface JsonlRun {
  readonly input: string;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly dataset: string | undefined;
  readonly options: VerifyOptions;
  readonly withSteps: boolean;
}

async function verifyJsonl(run: JsonlRun, io: CommandIO): Promise<number> {
  checkInputFile(run.input, { flag: '--jsonl' });
  if (run.dataset !== undefined) checkInputFile(run.dataset, { flag: '--dataset' });
  if (run.input === STDIO && run.dataset === STDIO) throw new UsageError('verify: standard input can be read once: --jsonl and --dataset cannot both be "-"');
  const answers = run.dataset === undefined ? null : await answersOf(run.dataset);
  const name = run.input === STDIO ? '<stdin>' : run.input;
  const output = openOutput(run.out, io.stdout, { force: run.force });
  // An item marked as possibly rounded is read so whatever --reference says.
  const roundedOptions: VerifyOptions = { ...run.options, reference: 'rounded' };
  let verified = 0;
  let correct = 0;
  const problems = new Map<string, number>();
  let malformed = 0;
  // Lines are read a batch at a time and written a batch at a time: one promise and one
  // write per line would cost more than verifying it.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await output.write(text);
  };
  try {
    for await (const { first, lines } of lineBatches(run.input, io.stdin)) {
      for (let index = 0; index < lines.length; index++) {
        const number = first + index;
        const text = lines[index]!;
        if (text.trim() === '') continue;
        const read = readRecord(text, answers);
        if (typeof read === 'string') {
          malformed++;
          // Past the first few, a problem is only counted: a file without "expected" would otherwise print one line per line.
          if (malformed <= PROBLEM_LINES_SHOWN) io.stderr.write(`${name}:${number}: ${printable(read)}; line skipped\n`);
          const kind = read.startsWith('id ') ? 'id not in the dataset' : read;
          problems.set(kind, (problems.get(kind) ?? 0) + 1);
          continue;
        }
        const verdict = verify(read.output, read.expected, read.reference === 'rounded' ? roundedOptions : run.options);
        const added: Record<string, unknown> = { correct: verdict.correct, extracted: verdict.extracted, strategy: verdict.strategy, reason: verdict.reason };
        if (answers !== null && read.record['expected'] === undefined) added['expected'] = read.expected;
        if (run.withSteps) added['steps'] = stepsSummary(read.output);
        const line = annotatedLine(text, read.record, added);
        pending.push(line);
        pendingLength += line.length;
        verified++;
        if (verdict.correct) correct++;
      }
      if (pendingLength >= FLUSH_AT) await flush();
    }
    await flush();
    await output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  if (malformed > PROBLEM_LINES_SHOWN) {
    const kinds = [...problems].map(([why, n]) => `${n} × ${printable(why)}`).join('; ');
    io.stderr.write(`${name}: ${malformed - PROBLEM_LINES_SHOWN} more line(s) skipped, not shown; all ${malformed}: ${kinds}\n`);
  }
  const share = verified === 0 ? '' : ` (${((100 * correct) / verified).toFixed(1)}%)`;
  io.stderr.write(
    `reasonforge verify: ${verified} lines verified, ${correct} correct${share}, ${malformed} skipped${output.path === null ? '' : `; wrote ${output.path}`}\n`,
  );
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
      reference: referenceFlag(values.reference),
    };
    if (values.jsonl !== undefined) {
      if (values.expected !== undefined)
        throw new UsageError('verify: --expected and --jsonl cannot be used together (each JSONL line has its own "expected")');
      if (positionals.length > 0) throw new UsageError('verify: with --jsonl, give no TEXT argument');
      return verifyJsonl(
        { input: values.jsonl, out: values.out, force: values.force === true, dataset: values.dataset, options, withSteps: values.steps === true },
        io,
      );
    }
    if (values.dataset !== undefined) throw new UsageError("verify: --dataset goes with --jsonl (it supplies each line's expected answer by id)");
    if (values.expected === undefined) throw new UsageError('verify: give --expected ANSWER (with TEXT or standard input), or --jsonl IN');
    if (values.out !== undefined || values.force === true) throw new UsageError('verify: --out and --force go with --jsonl');
    if (positionals.length > 1) throw new UsageError(`verify: give the text as one argument (quote it), got ${positionals.length}`);
    if (positionals[0] === undefined && io.stdinIsTTY === true) {
      io.stderr.write('reasonforge verify: reading the model output from standard input; end it with Ctrl-D (or pass the text as an argument)\n');
    }
    const text = positionals[0] ?? (await readAll(io.stdin));
    const verdict = verify(text, values.expected, options);
    const printed: Record<string, unknown> = { ...verdict };
    if (values.steps === true) printed['steps'] = stepsSummary(text);
    io.stdout.write(`${JSON.stringify(printed)}\n`);
    return verdict.correct ? EXIT_OK : EXIT_FAILURE;
  },
};
