import { basename } from 'node:path';
import { parseJsonLine, readLines } from '../io/jsonl.js';
import { findFinalAnswer } from './final-answer.js';
import { importedRecord, objectOf, stringField, type ImportOutcome } from './imported-record.js';

/** GSM-Symbolic's three released files and the variant each one's items are. */
export type GsmSymbolicKind = 'symbolic' | 'p1' | 'p2';

/** The kind a released file holds, from its name: GSM_p1.jsonl, GSM_p2.jsonl, else GSM_symbolic.jsonl. */
export function kindOfFile(file: string): GsmSymbolicKind {
  const name = basename(file).toLowerCase();
  if (/(^|[^a-z0-9])p1([^0-9]|$)/.test(name)) return 'p1';
  if (/(^|[^a-z0-9])p2([^0-9]|$)/.test(name)) return 'p2';
  return 'symbolic';
}

/** The id of an original GSM8K test question: the one `reasonforge import gsm8k .../gsm8k/test.jsonl` gives it (its 1-based line). */
export function originalId(originalIndex: number): string {
  return `gsm8k/test:${originalIndex + 1}`;
}

/** `gsm-symbolic/p1/0013:7`: the release's template (as `--from-gsm-symbolic` names it) and the instance. */
export function instanceId(kind: GsmSymbolicKind, template: number, instance: number): string {
  return `gsm-symbolic/${kind}/${String(template).padStart(4, '0')}:${instance}`;
}

export interface GsmSymbolicDataOptions {
  /** The kind of every file's items, instead of reading it from each file name. */
  readonly kind?: GsmSymbolicKind;
  readonly split?: 'test' | 'train';
}

/**
 * Streams GSM-Symbolic's released generated files (`GSM_symbolic.jsonl`,
 * `GSM_p1.jsonl`, `GSM_p2.jsonl`; fields `id`, `instance`, `question`,
 * `answer`, `original_id`, `original_question`, `original_answer`, `canary`)
 * as records. Each item keeps its instance as its set and becomes a variant
 * (symbolic, p1 or p2, from the file) of its original GSM8K problem, which is
 * written once, as a base record without a set, before the first item made
 * from it, over all the files given: `score` then reports the GSM8K to
 * GSM-Symbolic drop pair by pair, and the spread over instances. The release
 * strips the `<<...>>` annotations from its solutions, so its records have no
 * steps; answers are read from the `####` line. Each record keeps the line's
 * canary string in its source, so the data still asks to be kept out of
 * training corpora.
 */
export async function* importGsmSymbolicData(
  files: readonly string[],
  options: GsmSymbolicDataOptions = {},
): AsyncGenerator<ImportOutcome & { readonly file: string }> {
  const split = options.split ?? 'test';
  const originals = new Set<number>();
  const seen = new Map<string, string>();
  for (const file of files) {
    const kind = options.kind ?? kindOfFile(file);
    const fileName = file === '-' ? '-' : basename(file);
    for await (const { number, text } of readLines(file)) {
      if (text.trim() === '') continue;
      const fail = (message: string) => ({ ok: false as const, line: number, message, file });
      const parsed = parseJsonLine(text);
      if (!parsed.ok) {
        yield fail(parsed.message);
        continue;
      }
      const line = objectOf(parsed.value);
      if (line === null) {
        yield fail('expected a JSON object with GSM-Symbolic fields (id, instance, question, answer, original_id, original_question, original_answer)');
        continue;
      }
      const template = line['id'];
      const instance = line['instance'];
      const original = line['original_id'];
      const question = stringField(line, 'question');
      const solution = stringField(line, 'answer');
      const originalQuestion = stringField(line, 'original_question');
      const originalSolution = stringField(line, 'original_answer');
      const natural = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
      if (!natural(template) || !natural(instance) || !natural(original)) {
        yield fail(
          '"id", "instance" and "original_id" must be whole numbers (a GSM8K-format file without them? import it with: reasonforge import gsm8k FILE)',
        );
        continue;
      }
      if (question === null || solution === null || originalQuestion === null || originalSolution === null) {
        yield fail('no "question", "answer", "original_question" or "original_answer" string');
        continue;
      }
      const canary = stringField(line, 'canary');
      const marked = canary === null || canary === '' ? {} : { canary };
      const baseId = originalId(original as number);
      if (!originals.has(original as number)) {
        const answer = findFinalAnswer(originalSolution);
        const base = importedRecord({
          id: baseId,
          question: originalQuestion,
          solution: originalSolution,
          answer: answer?.text ?? '',
          kind: 'base',
          baseId,
          set: null,
          split,
          source: { dataset: 'gsm-symbolic', file: fileName, line: number, label: 'original_question', ...marked },
        });
        if (typeof base === 'string') {
          yield fail(`its original question cannot be imported: ${answer === null ? 'original_answer has no "#### N" line' : base}`);
          continue;
        }
        originals.add(original as number);
        yield { ok: true, line: number, record: base, file };
      }
      const id = instanceId(kind, template as number, instance as number);
      const first = seen.get(id);
      if (first !== undefined) {
        yield fail(`template ${String(template)}, instance ${String(instance)} was already read (${first}); its id ${id} would repeat`);
        continue;
      }
      seen.set(id, `${fileName}:${number}`);
      const final = findFinalAnswer(solution);
      const record = importedRecord({
        id,
        question,
        solution,
        answer: final?.text ?? '',
        kind,
        baseId,
        set: instance as number,
        split,
        source: { dataset: 'gsm-symbolic', file: fileName, line: number, label: kind, ...marked },
      });
      if (typeof record === 'string') {
        yield fail(final === null ? 'the answer has no final "#### N" line' : record);
        continue;
      }
      yield { ok: true, line: number, record, file };
    }
  }
}
