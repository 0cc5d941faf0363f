import { basename } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { parseJsonLine, readLines } from '../io/jsonl.js';
import type { ProblemRecord } from '../records/problem.js';
import { findFinalAnswer } from './final-answer.js';
import { importedRecord, objectOf, sourceNameProblem, stringField, type ImportOutcome } from './imported-record.js';

export { stepsOf } from './imported-record.js';
export type { ImportOutcome, ImportProblem } from './imported-record.js';

export interface Gsm8kImportOptions {
  /** Names the source in every record id: `<source>:<line>`. */
  readonly source: string;
  readonly split?: 'test' | 'train';
  /** The input file's name as the records' source names it (default: "-" for standard input). */
  readonly file?: string;
}

export function checkSourceName(source: string): void {
  const problem = sourceNameProblem(source);
  if (problem !== null) throw new ReasonforgeError('config-invalid', problem);
}

/** The dataset a source name stands for: its first segment (`gsm8k` for gsm8k/test). */
export function datasetOf(source: string): string {
  const first = source
    .split('/')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return first === '' ? 'data' : first.slice(0, 64);
}

/** GSM-Plus lines carry the answer alone in "answer" and the solution in "solution"; `import gsm-plus` reads them. */
export function looksLikeGsmPlus(value: unknown): boolean {
  const object = objectOf(value);
  return object !== null && ('perturbation_type' in object || ('seed_question' in object && 'solution' in object));
}

/**
 * One GSM8K-format object (`question`, and `answer` holding the worked
 * solution with `<<expr=value>>` annotations and a last line `#### N`) as an
 * `external` record: no template, no seed, no bindings, paired with nothing.
 * A GSM-Symbolic `instance` field becomes the record's set; without one the
 * record belongs to no set (null), so per-set statistics leave it out.
 */
export function gsm8kRecord(value: unknown, line: number, options: Gsm8kImportOptions): ProblemRecord | string {
  const raw = objectOf(value);
  if (raw === null) return 'expected a JSON object with "question" and "answer"';
  const question = stringField(raw, 'question');
  const solution = stringField(raw, 'answer');
  if (question === null || question.trim() === '') return 'no "question" string';
  if (solution === null || solution.trim() === '') return 'no "answer" string (the worked solution ending in "#### N")';
  const final = findFinalAnswer(solution);
  if (final === null) return 'the answer has no final "#### N" line';
  if (final.canonical === null || final.type === null) return `the final answer "${final.text}" is not a number`;
  const instance = raw['instance'];
  const set = typeof instance === 'number' && Number.isSafeInteger(instance) && instance >= 0 ? instance : null;
  const id = `${options.source}:${line}`;
  return importedRecord({
    id,
    question,
    solution,
    answer: final.text,
    kind: 'external',
    baseId: id,
    set,
    split: options.split ?? 'test',
    source: { dataset: datasetOf(options.source), file: options.file ?? '-', line },
  });
}

/**
 * Streams a GSM8K-format JSONL file as records, line by line. A line that
 * cannot become a valid record is reported, never silently dropped. A GSM-Plus
 * file stops the import at its first line, naming the command that reads it.
 */
export async function* importGsm8k(file: string, options: Gsm8kImportOptions): AsyncGenerator<ImportOutcome> {
  checkSourceName(options.source);
  const named = { ...options, file: options.file ?? (file === '-' ? '-' : basename(file)) };
  for await (const { number, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      yield { ok: false, line: number, message: parsed.message };
      continue;
    }
    if (looksLikeGsmPlus(parsed.value)) {
      throw new ReasonforgeError(
        'wrong-format',
        'this is GSM-Plus data (it has perturbation_type and seed_question); import it with: reasonforge import gsm-plus FILE',
        { file, line: number },
      );
    }
    const record = gsm8kRecord(parsed.value, number, named);
    yield typeof record === 'string' ? { ok: false, line: number, message: record } : { ok: true, line: number, record };
  }
}
