import type { ProblemRecord } from '../../src/records/problem.js';

/**
 * Synthetic model completions for a record, realistic enough that answer
 * extraction and step checking do real work: four answer styles (GSM8K
 * `####`, "The answer is", `\boxed{}`, "Answer:" with units or thousands
 * separators), chains of thought built from the record's own steps, wrong
 * answers of the kinds models give (off by one, a slipped step carried
 * through, a dropped step), right answers reached through a wrong
 * intermediate claim (what CoT-pass@k catches), and the occasional output
 * with no answer at all. Used by the CLI tests and bench/score.ts.
 */
export type Outcome = 'right' | 'right-bad-step' | 'wrong' | 'no-answer';

export interface Completion {
  readonly text: string;
  readonly outcome: Outcome;
  /** What a correct verifier must say, from how the text was built. */
  readonly correct: boolean;
  readonly validSteps: boolean;
}

const OPENERS = ['', "Let's solve this step by step.\n", 'We work through the problem.\n', 'Reasoning:\n'];

export function completionFor(record: ProblemRecord, outcome: Outcome, pick: () => number): Completion {
  const steps = record.steps.map((s) => s.text);
  const opener = OPENERS[Math.floor(pick() * OPENERS.length)]!;
  if (outcome === 'no-answer') {
    return { text: `${opener}I need to think about what the question is asking. I am not able to finish this one.`, outcome, correct: false, validSteps: true };
  }
  let answer = record.answer;
  let chain = steps;
  if (outcome === 'right-bad-step' && record.steps.length > 0) {
    // A slipped intermediate claim that the model then ignores: the answer stays right, the steps do not.
    const i = Math.floor(pick() * record.steps.length);
    chain = steps.map((text, j) => (j === i ? slip(text, record.steps[j]!.value) : text));
  }
  if (outcome === 'wrong') {
    const kind = pick();
    if (kind < 0.4 && record.steps.length > 1) {
      // The last step's value slips and is carried into the answer.
      const last = record.steps.length - 1;
      answer = bump(record.steps[last]!.value);
      chain = steps.map((text, j) => (j === last ? slip(text, record.steps[j]!.value, answer) : text));
    } else if (kind < 0.7 && record.steps.length > 1) {
      // A dropped step: the answer is an intermediate value.
      answer = record.steps[record.steps.length - 2]!.value;
      chain = steps.slice(0, -1);
    } else answer = bump(record.answer);
  }
  const style = Math.floor(pick() * 4);
  const body = chain.join(style === 0 ? '\n' : ' ');
  const verdict = { outcome, correct: Number(answer) === Number(record.answer), validSteps: chain.every((text) => steps.includes(text)) };
  switch (style) {
    case 0:
      return { text: `${opener}${body}\n#### ${answer}`, ...verdict };
    case 1:
      return { text: `${opener}${body} The answer is ${answer}.`, ...verdict };
    case 2:
      return { text: `${opener}${body}\n\nTherefore the final answer is $\\boxed{${answer}}$.`, ...verdict };
    default:
      return { text: `${opener}${body}\nAnswer: ${grouped(answer)}`, ...verdict };
  }
}

/** Replaces a claimed value in a step's text (its last occurrence as a whole number), by default with a near miss. */
function slip(text: string, value: string, replacement = bump(value)): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const matches = [...text.matchAll(new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`, 'g'))];
  const last = matches[matches.length - 1];
  if (last === undefined) return text;
  return text.slice(0, last.index) + replacement + text.slice(last.index + value.length);
}

function bump(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return `${value}1`;
  return Number.isInteger(n) ? String(n + 1) : String(Number((n + 0.5).toFixed(6)));
}

/** 12345 -> "12,345": thousands separators the extractor must read through. */
function grouped(answer: string): string {
  return /^\d{4,}$/.test(answer) ? Number(answer).toLocaleString('en-US') : answer;
}
