import { parseAnswer, parseMathAnswer } from './answer.js';
import type { ParsedAnswer } from './answer-types.js';
import { extractParsed } from './extract.js';

/**
 * The answer a reference (or a candidate given to `equivalent`) stands for.
 * Usually the text is the answer itself. When it reads as prose and looks
 * like a worked solution (a `\boxed{}`, math delimiters, "answer", `####`),
 * the answer is extracted from it the way it is from model output, so a
 * dataset's whole solution can serve as the reference.
 */
export interface AnswerOptions {
  readonly decimalComma?: boolean;
  /** Read the text as math (a reference, not prose): a final `!` is a factorial. */
  readonly math?: boolean;
}

function looksLikeSolution(text: string): boolean {
  return (
    text.includes('\\boxed') ||
    text.includes('\\fbox') ||
    text.includes('$') ||
    text.includes('\\(') ||
    text.includes('\\[') ||
    text.includes('####') ||
    text.toLowerCase().includes('answer')
  );
}

export function answerOf(text: string, options: AnswerOptions = {}): ParsedAnswer {
  const parse = options.math === true ? parseMathAnswer : parseAnswer;
  const parsed = parse(text, { decimalComma: options.decimalComma === true });
  if (parsed.kind !== 'text' || !looksLikeSolution(text)) return parsed;
  return extractParsed(text, { decimalComma: options.decimalComma === true })?.answer ?? parsed;
}

const cache = new Map<string, ParsedAnswer>();
const CACHE_SIZE = 4096;

/** answerOf with a small cache: a reward loop compares many outputs against the same few references. Answers are immutable. */
export function answerOfCached(text: string, options: AnswerOptions = {}): ParsedAnswer {
  const key = `${options.decimalComma === true ? ',' : '.'}${options.math === true ? '!' : '.'}${text}`;
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = answerOf(text, options);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, answer);
  }
  return answer;
}
