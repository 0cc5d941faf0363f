import { ReasonforgeError } from '../errors.js';
import { readLines, parseJsonLine } from '../io/jsonl.js';
import type { ProblemRecord, Step } from '../records/problem.js';
import { recordSchemaProblem } from '../records/validate-record.js';
import { GENERATOR } from '../version.js';
import { canonicalAnswer, findFinalAnswer } from './final-answer.js';

export interface Gsm8kImportOptions {
  /** Names the source in every record id: `<source>:<line>`. */
  readonly source: string;
  readonly split?: 'test' | 'train';
}

/** One input line that could not become a record, with the reason. */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export type ImportOutcome = { readonly ok: true; readonly line: number; readonly record: ProblemRecord } | ({ readonly ok: false } & ImportProblem);

const SOURCE = /^[A-Za-z0-9._/-]{1,100}$/;

export function checkSourceName(source: string): void {
  if (!SOURCE.test(source)) {
    throw new ReasonforgeError('config-invalid', `the source name "${source}" must be 1 to 100 letters, digits, dots, dashes, underscores or slashes`);
  }
}

/**
 * One GSM8K-format object (`question`, and `answer` holding the worked
 * solution with `<<expr=value>>` annotations and a last line `#### N`) as an
 * `external` record: no template, no seed, no bindings. GSM-Symbolic's
 * released files also carry `instance`, the set a line belongs to, which
 * becomes the record's set so set-level statistics work on them too.
 */
export function gsm8kRecord(value: unknown, line: number, options: Gsm8kImportOptions): ProblemRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object with "question" and "answer"';
  const raw = value as Record<string, unknown>;
  const question = raw['question'];
  const solution = raw['answer'];
  if (typeof question !== 'string' || question.trim() === '') return 'no "question" string';
  if (typeof solution !== 'string' || solution.trim() === '') return 'no "answer" string (the worked solution ending in "#### N")';
  const final = findFinalAnswer(solution);
  if (final === null) return 'the answer has no final "#### N" line';
  if (final.canonical === null || final.type === null) return `the final answer "${final.text}" is not a number`;
  const instance = raw['instance'];
  const set = typeof instance === 'number' && Number.isSafeInteger(instance) && instance >= 0 ? instance : 0;
  const steps = stepsOf(solution);
  const id = `${options.source}:${line}`;
  return {
    id,
    question,
    answer: final.canonical,
    answer_type: final.type,
    solution,
    steps,
    template: null,
    variant: { kind: 'external' },
    base_id: id,
    set,
    split: options.split ?? 'test',
    seed: null,
    bindings: {},
    difficulty: {
      steps: steps.length,
      operations: steps.reduce((sum, step) => sum + operationsIn(step.expr), 0),
      max_number: largestNumber([question, ...steps.map((s) => s.value)]),
    },
    generator: GENERATOR,
  };
}

/** Every `<<expr=value>>` of the solution as a step; annotations without `=` are left out. */
export function stepsOf(solution: string): Step[] {
  const steps: Step[] = [];
  for (const line of solution.split('\n')) {
    if (line.trim().startsWith('####')) continue;
    const display = line.replace(/<<[^<>\n]*>>/g, '').trim();
    for (const match of line.matchAll(/<<([^<>\n]*)>>/g)) {
      const body = match[1]!;
      const equals = body.lastIndexOf('=');
      if (equals < 0) continue;
      const expr = body.slice(0, equals).trim();
      const claimed = body.slice(equals + 1).trim();
      if (expr === '' || claimed === '') continue;
      steps.push({ text: display === '' ? body : display, expr, value: canonicalAnswer(claimed)?.canonical ?? claimed });
    }
  }
  return steps;
}

function operationsIn(expr: string): number {
  return (expr.replace(/^\s*-/, '').match(/[-+*/^×÷]/g) ?? []).length;
}

function largestNumber(texts: readonly string[]): number {
  let largest = 0;
  for (const text of texts) {
    for (const match of text.matchAll(/[0-9][0-9,]*(\.[0-9]+)?/g)) {
      const value = Number(match[0].replaceAll(',', ''));
      if (Number.isFinite(value) && value > largest) largest = value;
    }
  }
  return largest;
}

/**
 * Streams a GSM8K-format JSONL file as records, line by line. A line that
 * cannot become a valid record is reported, never silently dropped.
 */
export async function* importGsm8k(file: string, options: Gsm8kImportOptions): AsyncGenerator<ImportOutcome> {
  checkSourceName(options.source);
  for await (const { number, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      yield { ok: false, line: number, message: parsed.message };
      continue;
    }
    const record = gsm8kRecord(parsed.value, number, options);
    if (typeof record === 'string') {
      yield { ok: false, line: number, message: record };
      continue;
    }
    const problem = recordSchemaProblem(record);
    if (problem !== null) {
      yield { ok: false, line: number, message: `the record would fail the schema at ${problem.pointer}: ${problem.message}` };
      continue;
    }
    yield { ok: true, line: number, record };
  }
}
