import { parseAnswer, parseMathAnswer, renderAnswer, type ParsedAnswer } from './answer.js';
import { finalBoxes } from './boxes.js';
import { lastMathSpans } from './math-spans.js';
import { answerAfter, firstDigit, isDigit, isLetter, lastDigit, numberAround, type Span } from './spans.js';

/**
 * Finds the final answer in free-form model output. The rules, in priority
 * order (the first that finds something wins; within a rule, the last
 * occurrence in the text wins):
 *
 * 1. `gsm8k`         `#### 42`, GSM8K's own answer line
 * 2. `boxed`         `\boxed{...}` or `\fbox{...}`, braces nested; boxes just
 *                    before it joined by "and", commas or nothing are parts of
 *                    one answer ("\boxed{1} and \boxed{2}" is the list 1, 2)
 * 3. `final-answer`  "final answer is 42", "Final Answer: 42"
 * 4. `the-answer-is` "the answer is 42", "answer would be 42"
 * 5. `answer-colon`  "Answer: 42"
 * 6. `a-colon`       "A: 42" at the start of a line
 * 7. `last-math`     the last math span (`$...$`, `\[...\]`, ...) read as a whole,
 *                    when no number follows it (not in strict mode)
 * 8. `last-number`   the last number in the text (not in strict mode)
 *
 * A phrase followed by prose ("the answer is that she has 18 apples") gives
 * the first number of that sentence. A phrase followed by words and no number
 * ("the answer is Tuesday") is kept as a text answer, but only if no later rule
 * finds a number-like answer first, and it beats the last-number fallback.
 */
export type ExtractionStrategy = 'gsm8k' | 'boxed' | 'final-answer' | 'the-answer-is' | 'answer-colon' | 'a-colon' | 'last-math' | 'last-number';

export const EXTRACTION_STRATEGIES: readonly ExtractionStrategy[] = [
  'gsm8k',
  'boxed',
  'final-answer',
  'the-answer-is',
  'answer-colon',
  'a-colon',
  'last-math',
  'last-number',
];

export interface ExtractOptions {
  /** Never guess: no last-math or last-number fallback. Default false. */
  readonly strict?: boolean;
  /** Read `1,22` as 1.22 (see ParseAnswerOptions). Default false. */
  readonly decimalComma?: boolean;
}

export interface ExtractedAnswer {
  /** The normalised answer text (see normalizeAnswer). */
  readonly value: string;
  /** The text as it stood in the output. */
  readonly raw: string;
  readonly strategy: ExtractionStrategy;
  /** Offsets of `raw` in the output. */
  readonly start: number;
  readonly end: number;
}

/** An extraction with the parsed answer, so callers need not parse `value` again. */
export interface ParsedExtraction {
  readonly extracted: ExtractedAnswer;
  readonly answer: ParsedAnswer;
}

/** How many occurrences of one marker are examined, from the last backwards. */
const MAX_CANDIDATES = 16;
/** How many math spans are examined, from the last backwards. */
const MAX_MATH_SPANS = 8;

export function extractAnswer(text: string, options: ExtractOptions = {}): ExtractedAnswer | null {
  return extractParsed(text, options)?.extracted ?? null;
}

export function extractParsed(text: string, options: ExtractOptions = {}): ParsedExtraction | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  try {
    return new Extractor(text, options.decimalComma === true).run(options.strict === true);
  } catch {
    return null; // a last guard for totality; no known input gets here
  }
}

function isNumeric(answer: ParsedAnswer): boolean {
  return answer.kind !== 'text';
}

class Extractor {
  private lowerText: string | null = null;
  /** A marker followed by words only; used if nothing numeric turns up. */
  private textCandidate: ParsedExtraction | null = null;

  constructor(
    private readonly text: string,
    private readonly decimalComma: boolean,
  ) {}

  private parse(span: Span): ParsedAnswer {
    return parseAnswer(this.text.slice(span.start, span.end), { decimalComma: this.decimalComma });
  }

  private get lower(): string {
    this.lowerText ??= this.text.toLowerCase();
    return this.lowerText;
  }

  run(strict: boolean): ParsedExtraction | null {
    return (
      this.gsm8k() ??
      this.boxed() ??
      this.phrase('final-answer', 'final answer', CONNECTORS_REQUIRED) ??
      this.phrase('the-answer-is', 'answer', ANSWER_IS) ??
      this.phrase('answer-colon', 'answer', COLON) ??
      this.aColon() ??
      this.textCandidate ??
      (strict ? null : (this.lastMath() ?? this.lastNumber()))
    );
  }

  private make(span: Span, strategy: ExtractionStrategy, answer: ParsedAnswer = this.parse(span)): ParsedExtraction {
    const raw = this.text.slice(span.start, span.end);
    return { extracted: { value: renderAnswer(answer), raw, strategy, start: span.start, end: span.end }, answer };
  }

  /**
   * Accepts a span after a marker: a numeric answer as is; a sentence of prose
   * through its first number; words alone as a text candidate for later.
   */
  private accept(span: Span, strategy: ExtractionStrategy): ParsedExtraction | null {
    const answer = this.parse(span);
    if (isNumeric(answer)) return this.make(span, strategy, answer);
    const digit = firstDigit(this.text, span.start, span.end);
    if (digit >= 0) {
      const number = numberAround(this.text, digit);
      const clipped = { start: Math.max(number.start, span.start), end: Math.min(number.end, span.end) };
      const numeric = this.parse(clipped);
      if (isNumeric(numeric)) return this.make(clipped, strategy, numeric);
    }
    if (this.textCandidate === null && answer.kind === 'text' && answer.text.length > 0) this.textCandidate = this.make(span, strategy, answer);
    return null;
  }

  private gsm8k(): ParsedExtraction | null {
    let from = this.text.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      if (from < 0) return null;
      const at = this.text.lastIndexOf('####', from);
      if (at < 0) return null;
      from = at - 1;
      let start = at + 4;
      while (this.text[start] === '#') start++;
      let end = start;
      const limit = Math.min(this.text.length, start + 200);
      while (end < limit && this.text[end] !== '\n') end++;
      while (start < end && (this.text[start] === ' ' || this.text[start] === '\t')) start++;
      while (end > start && /\s/.test(this.text[end - 1]!)) end--;
      if (end === start) continue;
      // A markdown heading such as "#### Step 2" is not an answer line.
      const answer = this.parse({ start, end });
      if (isNumeric(answer)) return this.make({ start, end }, 'gsm8k', answer);
    }
    return null;
  }

  private boxed(): ParsedExtraction | null {
    const boxes = finalBoxes(this.text);
    const first = boxes[0];
    const last = boxes[boxes.length - 1];
    if (first === undefined || last === undefined) return null;
    return this.joined(boxes, 'boxed');
  }

  /** One answer from one or several math contents (boxes, math spans): several are one list. */
  private joined(parts: readonly Span[], strategy: ExtractionStrategy): ParsedExtraction {
    const text = parts.map((part) => this.text.slice(part.start, part.end)).join(', ');
    const span = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
    return this.make(span, strategy, parseMathAnswer(text, { decimalComma: this.decimalComma }));
  }

  /**
   * The last occurrence of `phrase` (as a whole word) followed by one of the
   * connectors, then the answer after it.
   */
  private phrase(strategy: ExtractionStrategy, phrase: string, connectors: readonly string[]): ParsedExtraction | null {
    const lower = this.lower;
    let from = lower.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      if (from < 0) return null;
      const at = lower.lastIndexOf(phrase, from);
      if (at < 0) return null;
      from = at - 1;
      if (isLetter(lower[at - 1])) continue;
      let after = at + phrase.length;
      while (lower[after] === ' ' || lower[after] === '*' || lower[after] === '_') after++;
      const connector = connectors.find((c) => lower.startsWith(c, after) && !(isLetter(c[c.length - 1]) && isLetter(lower[after + c.length])));
      if (connector === undefined) continue;
      const span = answerAfter(this.text, after + connector.length);
      if (span === null) continue;
      const found = this.accept(span, strategy);
      if (found !== null) return found;
    }
    return null;
  }

  /** "A: 42" at the start of a line, case-sensitive (the QA format). */
  private aColon(): ParsedExtraction | null {
    let from = this.text.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      if (from < 0) return null;
      const at = this.text.lastIndexOf('A:', from);
      if (at < 0) return null;
      from = at - 1;
      let k = at - 1;
      while (k >= 0 && (this.text[k] === ' ' || this.text[k] === '\t' || this.text[k] === '*')) k--;
      if (k >= 0 && this.text[k] !== '\n') continue;
      const span = answerAfter(this.text, at + 2);
      if (span === null) continue;
      const found = this.accept(span, 'a-colon');
      if (found !== null) return found;
    }
    return null;
  }

  /**
   * The last math span read as a whole (`$(1, 2)$`, `\[ \frac{\pi}{2} \]`), when
   * nothing numeric follows it: the last digit of the text must be inside it.
   * It must show a digit or a LaTeX command, so `$x$` alone is not an answer.
   */
  private lastMath(): ParsedExtraction | null {
    const lastDigitAt = lastDigit(this.text, 0, this.text.length);
    const spans = lastMathSpans(this.text, MAX_MATH_SPANS);
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k]!;
      if (span.end <= lastDigitAt) return null;
      const content = this.text.slice(span.content.start, span.content.end);
      if (firstDigit(content, 0, content.length) < 0 && !content.includes('\\')) continue;
      // "$1$, $2$ and $3$": spans joined by commas and "and" are parts of one answer
      const parts = [span.content];
      for (let j = k + 1; j < spans.length && joinsSpans(this.text.slice(spans[j]!.end, spans[j - 1]!.start)); j++) parts.unshift(spans[j]!.content);
      const found = this.joined(parts, 'last-math');
      if (isNumeric(found.answer)) return found;
    }
    return null;
  }

  /** The last number, skipping digits inside a word (`AZYUK2A`, `B12C`), which are labels, not quantities. */
  private lastNumber(): ParsedExtraction | null {
    let end = this.text.length;
    for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
      const digit = lastDigit(this.text, 0, end);
      if (digit < 0) return null;
      let start = digit;
      while (start > 0 && isDigit(this.text[start - 1])) start--;
      if (!(isLetter(this.text[start - 1]) && isLetter(this.text[digit + 1]))) return this.make(numberAround(this.text, digit), 'last-number');
      end = start;
    }
    return null;
  }
}

/** Whether the text between two math spans joins them into one answer: commas, "and", "or", spaces. */
function joinsSpans(gap: string): boolean {
  if (gap.length > 12) return false;
  const rest = gap.replace(/\band\b|\bor\b|[\s,]/g, '');
  return rest.length === 0;
}

/** "final answer" must be followed by one of these, so "my final answer." alone is not a match. */
const CONNECTORS_REQUIRED = ['is:', 'is', 'was', 'would be', 'will be', ':', '='];
const ANSWER_IS = ['is:', 'is', 'would be', 'will be', 'should be', 'must be'];
const COLON = [':'];
