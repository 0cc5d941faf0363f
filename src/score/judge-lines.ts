import { parseJsonLine } from '../io/jsonl.js';
import type { ReferenceForm } from '../verify/match.js';
import type { Judge } from './judge.js';
import { parsePrediction, type PredictionFormat } from './predictions.js';
import { CORRECT, hash64, NO_ANSWER, STEPS_VALID } from './sample-store.js';

/** What judging a line needs of the dataset: its item indices by id, and each item's reference answer and how to read it. */
export interface AnswerKey {
  readonly index: ReadonlyMap<string, number>;
  readonly answers: readonly string[];
  readonly references: readonly ReferenceForm[];
}

export const MALFORMED = 0;
const FORMAT_CODES: Readonly<Record<PredictionFormat, number>> = { output: 1, outputs: 2, 'lm-eval': 3 };
export const FORMATS: readonly PredictionFormat[] = ['output', 'outputs', 'lm-eval'];

/**
 * A batch of prediction lines, parsed and judged, in columns so that it
 * crosses between threads as a few buffers rather than an object per line.
 * Per line: `kind` (MALFORMED or 1 + the index of its format in FORMATS),
 * `item` (-1 for an id not in the dataset), `outputs` (its samples),
 * `text` (a malformed line's message, an unknown line's id, else null) and
 * `filter` (an lm-eval line's filter, else null). Per judged sample, in line
 * order: its flags, extracted answer (an index into `answers`, -1 for none)
 * and output fingerprint. A line's samples are judged unless its id is
 * unknown or it is an lm-eval line of a filter other than the one in use.
 */
export interface JudgedLines {
  readonly kind: Uint8Array;
  readonly item: Int32Array;
  readonly outputs: Int32Array;
  readonly text: (string | null)[];
  readonly filter: (string | null)[];
  readonly flags: Uint8Array;
  readonly answer: Int32Array;
  readonly answers: string[];
  readonly hashA: Uint32Array;
  readonly hashB: Uint32Array;
}

/** Whether `judgeLines` judged a line's samples; the reader uses the same rule to walk the sample columns. */
export function isJudged(batch: JudgedLines, line: number, filterInUse: string | null): boolean {
  if (batch.kind[line] === MALFORMED || batch.item[line]! < 0) return false;
  const filter = batch.filter[line] ?? null;
  return filter === null || filterInUse === null || filter === filterInUse;
}

/**
 * Parses and judges `lines`. `filterInUse` is the lm-eval filter already
 * chosen for the run, or null while none is; lines of another filter are
 * then counted but not judged (the reader skips them). Pure: the same lines
 * give the same columns in any thread, which is what makes `score --jobs N`
 * write the same metrics for every N.
 */
export function judgeLines(lines: readonly string[], key: AnswerKey, judge: Judge, filterInUse: string | null): JudgedLines {
  const count = lines.length;
  const batch = {
    kind: new Uint8Array(count),
    item: new Int32Array(count),
    outputs: new Int32Array(count),
    text: new Array<string | null>(count).fill(null),
    filter: new Array<string | null>(count).fill(null),
  };
  const flags: number[] = [];
  const answer: number[] = [];
  const answers: string[] = [];
  const answerIndex = new Map<string, number>();
  const hashA: number[] = [];
  const hashB: number[] = [];
  for (let l = 0; l < count; l++) {
    const json = parseJsonLine(lines[l]!);
    const parsed = json.ok ? parsePrediction(json.value) : json;
    if (!parsed.ok) {
      batch.kind[l] = MALFORMED;
      batch.text[l] = parsed.message;
      continue;
    }
    const { line } = parsed;
    batch.kind[l] = FORMAT_CODES[line.format];
    batch.outputs[l] = line.outputs.length;
    batch.filter[l] = line.filter;
    const item = key.index.get(line.id);
    batch.item[l] = item ?? -1;
    if (item === undefined) batch.text[l] = line.id;
    if (!isJudged(batch as JudgedLines, l, filterInUse)) continue;
    const expected = key.answers[item!]!;
    const reference = key.references[item!]!;
    for (const output of line.outputs) {
      const verdict = judge.judge(output, expected, reference);
      let bits = 0;
      if (verdict.extracted === null) bits |= NO_ANSWER;
      // Steps are checked only where they can matter: CoT-pass counts right answers with valid steps.
      if (verdict.correct) bits |= CORRECT | (judge.stepsValid(output) ? STEPS_VALID : 0);
      flags.push(bits);
      if (verdict.extracted === null) answer.push(-1);
      else {
        let id = answerIndex.get(verdict.extracted);
        if (id === undefined) {
          id = answers.length;
          answers.push(verdict.extracted);
          answerIndex.set(verdict.extracted, id);
        }
        answer.push(id);
      }
      const [a, b] = hash64(output);
      hashA.push(a);
      hashB.push(b);
    }
  }
  return {
    ...batch,
    flags: Uint8Array.from(flags),
    answer: Int32Array.from(answer),
    answers,
    hashA: Uint32Array.from(hashA),
    hashB: Uint32Array.from(hashB),
  };
}

/** The buffers of a batch, to move rather than copy it to another thread. */
export function transferList(batch: JudgedLines): ArrayBuffer[] {
  return [batch.kind, batch.item, batch.outputs, batch.flags, batch.answer, batch.hashA, batch.hashB].map((column) => column.buffer as ArrayBuffer);
}
