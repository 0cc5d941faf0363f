import { basename } from 'node:path';
import { parseJsonLine, readLines } from '../io/jsonl.js';
import type { VariantId } from '../records/problem.js';
import { checkSourceName } from './gsm8k.js';
import { importedRecord, objectOf, stringField, type ImportOutcome } from './imported-record.js';
import { convertedForm } from './number-forms.js';

/**
 * GSM-Plus's eight perturbation types (its `perturbation_type` field, as the
 * dataset spells them) and the variant each becomes. "integer-decimal-
 * fraction conversion" is split by the numbers the question states.
 */
export const GSM_PLUS_TYPES: Readonly<Record<string, VariantId | 'decimal-or-fraction'>> = {
  'numerical substitution': 'numbers',
  'digit expansion': 'digits',
  'integer-decimal-fraction conversion': 'decimal-or-fraction',
  'adding operation': 'p1',
  'reversing operation': 'reverse',
  'problem understanding': 'paraphrase',
  'distraction insertion': 'noop',
  // The paper's name for the same type.
  'distractor insertion': 'noop',
  'critical thinking': 'critical',
};

export interface GsmPlusImportOptions {
  /** Prefix of every record id: `<source>:<line>` for perturbed items, `<source>:<line>:seed` for the seed items. */
  readonly source: string;
  readonly split?: 'test' | 'train';
}

/** What the import saw besides records, for the command's summary. */
export interface GsmPlusSummary {
  seeds: number;
  byVariant: Record<string, number>;
  /** Lines of "integer-decimal-fraction conversion" whose question states no decimal or fraction (imported as decimal). */
  unstatedConversions: number[];
}

/**
 * Streams GSM-Plus JSONL (`question`, `solution`, `answer`, `perturbation_type`,
 * `seed_question`, `seed_solution`, `seed_answer`) as records: each distinct
 * seed question becomes one base record, written before the first item made
 * from it, and each perturbed question a record of its variant paired with
 * that base by base_id, so `score` reports GSM-Plus's drops per type. Critical
 * thinking items, whose answer is "None", get the answer `unanswerable`.
 * Answers are kept as written (GSM-Plus rounds some, "4.33" for 26/6), and a
 * decimal answer of 2 or more places is marked `source.rounded`, so scoring
 * accepts the exact value (13/3) too; a bad line is reported and the rest go
 * on. Items belong to no instance set.
 */
export async function* importGsmPlus(file: string, options: GsmPlusImportOptions, summary?: GsmPlusSummary): AsyncGenerator<ImportOutcome> {
  checkSourceName(options.source);
  const split = options.split ?? 'test';
  const fileName = file === '-' ? '-' : basename(file);
  const seeds = new Map<string, string>();
  for await (const { number, text } of readLines(file)) {
    if (text.trim() === '') continue;
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      yield { ok: false, line: number, message: parsed.message };
      continue;
    }
    const line = objectOf(parsed.value);
    const fields = line === null ? null : readFields(line);
    if (fields === null || typeof fields === 'string') {
      yield {
        ok: false,
        line: number,
        message:
          fields ?? 'expected a JSON object with GSM-Plus fields (question, solution, answer, perturbation_type, seed_question, seed_solution, seed_answer)',
      };
      continue;
    }
    const mapped = GSM_PLUS_TYPES[fields.type.trim().toLowerCase()];
    if (mapped === undefined) {
      yield { ok: false, line: number, message: `unknown perturbation_type "${fields.type}"; GSM-Plus's are: ${Object.keys(GSM_PLUS_TYPES).join(', ')}` };
      continue;
    }
    const seedKey = `${fields.seedQuestion}\u0000${fields.seedSolution}`;
    let baseId = seeds.get(seedKey);
    if (baseId === undefined) {
      const id = `${options.source}:${number}:seed`;
      const base = importedRecord({
        id,
        question: fields.seedQuestion,
        solution: fields.seedSolution,
        answer: fields.seedAnswer,
        kind: 'base',
        baseId: id,
        set: null,
        split,
        source: { dataset: 'gsm-plus', file: fileName, line: number, label: 'seed_question' },
        roundsAnswers: true,
      });
      if (typeof base === 'string') {
        yield { ok: false, line: number, message: `its seed question cannot be imported: ${base}` };
        continue;
      }
      seeds.set(seedKey, id);
      baseId = id;
      if (summary !== undefined) summary.seeds++;
      yield { ok: true, line: number, record: base };
    }
    let kind: VariantId;
    if (mapped === 'decimal-or-fraction') {
      const form = convertedForm(fields.question, fields.seedQuestion);
      if (!form.stated) summary?.unstatedConversions.push(number);
      kind = form.form;
    } else kind = mapped;
    if (kind === 'critical' && fields.answer.trim().toLowerCase() !== 'none') {
      yield {
        ok: false,
        line: number,
        message: `a critical thinking item must have the answer "None" (the question cannot be answered), not "${fields.answer}"`,
      };
      continue;
    }
    const record = importedRecord({
      id: `${options.source}:${number}`,
      question: fields.question,
      solution: fields.solution,
      answer: fields.answer,
      kind,
      baseId,
      set: null,
      split,
      source: { dataset: 'gsm-plus', file: fileName, line: number, label: fields.type },
      roundsAnswers: true,
    });
    if (typeof record === 'string') {
      yield { ok: false, line: number, message: record };
      continue;
    }
    if (summary !== undefined) summary.byVariant[kind] = (summary.byVariant[kind] ?? 0) + 1;
    yield { ok: true, line: number, record };
  }
}

interface GsmPlusFields {
  readonly question: string;
  readonly solution: string;
  readonly answer: string;
  readonly type: string;
  readonly seedQuestion: string;
  readonly seedSolution: string;
  readonly seedAnswer: string;
}

function readFields(line: Record<string, unknown>): GsmPlusFields | string {
  const wanted = ['question', 'solution', 'answer', 'perturbation_type', 'seed_question', 'seed_solution', 'seed_answer'] as const;
  const values: Partial<Record<(typeof wanted)[number], string>> = {};
  const missing: string[] = [];
  for (const key of wanted) {
    const value = stringField(line, key) ?? (typeof line[key] === 'number' ? String(line[key]) : null);
    if (value === null) missing.push(key);
    else values[key] = value;
  }
  if (missing.length > 0)
    return `no ${missing.map((k) => `"${k}"`).join(', ')} string${missing.length > 1 ? 's' : ''}${'answer' in line && !('solution' in line) ? ' (a GSM8K-format line? import it with: reasonforge import gsm8k FILE)' : ''}`;
  return {
    question: values.question!,
    solution: values.solution!,
    answer: values.answer!,
    type: values.perturbation_type!,
    seedQuestion: values.seed_question!,
    seedSolution: values.seed_solution!,
    seedAnswer: values.seed_answer!,
  };
}
