import type { ProblemRecord, RecordAnswerType, RecordSource, Step, VariantId } from '../records/problem.js';
import { recordSchemaProblem } from '../records/validate-record.js';
import { answerMayBeRounded } from '../records/rounded-answer.js';
import { GENERATOR } from '../version.js';
import { canonicalAnswer, findFinalAnswer } from './final-answer.js';

/** One input line that could not become a record, with the reason. */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

/** What an importer yields per record (a line can give two: its base item, then itself), or a problem with a line. */
export type ImportOutcome = { readonly ok: true; readonly line: number; readonly record: ProblemRecord } | ({ readonly ok: false } & ImportProblem);

/** What an importer knows of one item; the rest of the record is derived the same way for every source. */
export interface ImportedItem {
  readonly id: string;
  readonly question: string;
  /** GSM8K format; a solution without a `#### ` line gets one with the answer as written. */
  readonly solution: string;
  /** The answer as the source writes it (`4.33`, `$1,000`, `None`); read with canonicalAnswer. */
  readonly answer: string;
  readonly kind: VariantId;
  /** The base item's id; the item's own for base and external items. */
  readonly baseId: string;
  readonly set: number | null;
  readonly split: 'test' | 'train';
  readonly source: RecordSource;
  /** The source rounds some answers (GSM-Plus): a decimal answer of 2 or more places is marked `source.rounded`. */
  readonly roundsAnswers?: boolean;
}

/**
 * An imported item as a record: no template, seed or bindings; steps from the
 * solution's `<<expr=value>>` annotations; the answer in canonical form but
 * never recomputed, so a rounded answer such as GSM-Plus's `4.33` (for 26/6)
 * stays 4.33; from a source that rounds, such an answer is marked
 * `source.rounded`, and scoring then accepts any answer whose exact value
 * rounds to it (4.33, 4.333, 13/3). Returns the reason when the item cannot be
 * a valid record.
 */
export function importedRecord(item: ImportedItem): ProblemRecord | string {
  if (item.question.trim() === '') return 'an empty question';
  const answer = canonicalAnswer(item.answer);
  if (answer === null) return `the answer "${item.answer}" is not a number (or None for a question that cannot be answered)`;
  let solution = item.solution.replace(/\s+$/, '');
  const final = findFinalAnswer(solution);
  if (final === null) solution = `${solution === '' ? '' : `${solution}\n`}#### ${item.answer.trim()}`;
  else if (final.canonical !== answer.canonical) return `the solution ends in "#### ${final.text}", but the answer is "${item.answer}"`;
  const steps = stepsOf(solution);
  const record: ProblemRecord = {
    id: item.id,
    question: item.question,
    answer: answer.canonical,
    answer_type: answer.type,
    solution,
    steps,
    template: null,
    variant: { kind: item.kind },
    base_id: item.baseId,
    set: item.set,
    split: item.split,
    seed: null,
    bindings: {},
    difficulty: {
      steps: steps.length,
      operations: steps.reduce((sum, step) => sum + operationsIn(step.expr), 0),
      max_number: largestNumber([item.question, ...steps.map((s) => s.value)]),
    },
    generator: GENERATOR,
    source: item.roundsAnswers === true && answerMayBeRounded(answer.canonical) ? { ...item.source, rounded: true } : item.source,
  };
  const problem = recordSchemaProblem(record);
  return problem === null ? record : `the record would fail the schema at ${problem.pointer}: ${problem.message}`;
}

/** The answer type an answer as written reads as, or null when it is not one. */
export function answerTypeOf(answer: string): RecordAnswerType | null {
  return canonicalAnswer(answer)?.type ?? null;
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

const SOURCE = /^[A-Za-z0-9._/-]{1,100}$/;

/** A source name is the prefix of record ids: letters, digits and a few separators. */
export function sourceNameProblem(source: string): string | null {
  return SOURCE.test(source) ? null : `the source name "${source}" must be 1 to 100 letters, digits, dots, dashes, underscores or slashes`;
}

/** An input line's object, or why it is not one. */
export function objectOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A string field, trimmed of nothing; null when absent or not a string. */
export function stringField(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  return typeof value === 'string' ? value : null;
}
