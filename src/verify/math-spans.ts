import type { Span } from './spans.js';

/**
 * Math-mode spans, `$...$`, `$$...$$`, `\(...\)` and `\[...\]`, found from
 * the end of a text. A dollar sign also marks money, so an inline `$...$` is
 * math only when its closing `$` is not followed by a digit (`$5 and $6` is
 * two prices) and its content is not a number followed by prose up to the
 * next dollar (`$5 and gets $`). Each delimiter kind keeps its own cursor and
 * the number of spans is bounded, so the search is linear.
 */
export interface MathSpan {
  /** Where the opening delimiter starts. */
  readonly start: number;
  /** The content, delimiters excluded. */
  readonly content: Span;
  /** Where the closing delimiter ends. */
  readonly end: number;
}

const MAX_STEPS = 64;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Up to `limit` math spans, the last first. */
export function lastMathSpans(text: string, limit: number): MathSpan[] {
  const spans: MathSpan[] = [];
  let bound = text.length; // only delimiters before this are looked at
  let dollar = text.lastIndexOf('$');
  let bracket = text.lastIndexOf('\\]');
  let paren = text.lastIndexOf('\\)');
  for (let steps = 0; steps < MAX_STEPS && spans.length < limit; steps++) {
    // Move each cursor before the bound (a two-character delimiter must end by it).
    while (dollar >= 0 && dollar >= bound) dollar = dollar > 0 ? text.lastIndexOf('$', dollar - 1) : -1;
    while (bracket >= 0 && bracket > bound - 2) bracket = bracket > 0 ? text.lastIndexOf('\\]', bracket - 1) : -1;
    while (paren >= 0 && paren > bound - 2) paren = paren > 0 ? text.lastIndexOf('\\)', paren - 1) : -1;
    const close = Math.max(dollar, bracket, paren);
    if (close < 0) break;
    let span: MathSpan | null;
    let next: number; // the new bound: before the opening delimiter, or before this closing one when it opened nothing
    if (close === bracket || close === paren) {
      const opener = text.lastIndexOf(close === bracket ? '\\[' : '\\(', close - 1);
      span = opener >= 0 && opener + 2 < close ? { start: opener, content: { start: opener + 2, end: close }, end: close + 2 } : null;
      next = span === null ? close : opener;
    } else if (text[close - 1] === '$') {
      const opener = close >= 2 ? text.lastIndexOf('$$', close - 2) : -1;
      span = opener >= 0 && opener + 2 < close - 1 ? { start: opener, content: { start: opener + 2, end: close - 1 }, end: close + 1 } : null;
      next = span === null ? close - 1 : opener;
    } else {
      span = inlineDollar(text, close);
      next = span === null ? close : span.start;
    }
    if (span !== null) spans.push(span);
    bound = next;
  }
  return spans;
}

/** `$...$` closing at `close`, or null when that dollar closes no math. */
function inlineDollar(text: string, close: number): MathSpan | null {
  if (text[close - 1] === '\\' || isDigit(text[close + 1])) return null;
  let opener = close > 0 ? text.lastIndexOf('$', close - 1) : -1;
  while (opener > 0 && text[opener - 1] === '\\') opener = text.lastIndexOf('$', opener - 1);
  if (opener < 0 || opener + 1 >= close || isDigit(text[opener - 1])) return null;
  const content = text.slice(opener + 1, close);
  if (content.includes('\n')) return null;
  if (isDigit(content[0]) && isSpace(content[content.length - 1])) return null; // "$5 and gets $": money
  return { start: opener, content: { start: opener + 1, end: close }, end: close + 1 };
}
