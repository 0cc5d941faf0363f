/**
 * Linear scanners that find where an answer sits in model text: the content
 * of a `\boxed{...}`, the rest of a sentence after "the answer is", a number
 * around a digit. Each looks at a bounded window or scans once, so a caller
 * that tries a bounded number of candidates stays linear in the text.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Longest answer read after a phrase such as "the answer is". */
export const PHRASE_WINDOW = 300;
/** Longest number read around a digit. */
const NUMBER_WINDOW = 300;

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0';
}

/**
 * The content of the braces opening at `open` (which must hold `{`): escaped
 * braces `\{` `\}` do not count. Null when they never close.
 */
export function bracedContent(text: string, open: number): Span | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92) {
      i++; // skip the escaped character
      continue;
    }
    if (ch === 123) depth++;
    else if (ch === 125 && --depth === 0) return { start: open + 1, end: i };
  }
  return null;
}

/**
 * The answer that follows a phrase, from `from`: a `$...$` or `\(...\)` math
 * span if one starts there, else the rest of the sentence (up to a line end,
 * a sentence-ending `.`, `!`, `?` or `;`, or `, ` outside brackets), at most
 * PHRASE_WINDOW characters.
 */
export function answerAfter(text: string, from: number): Span | null {
  let i = from;
  const limit = Math.min(text.length, from + PHRASE_WINDOW);
  // Connectors and decoration between the phrase and the answer.
  while (i < limit && (isSpace(text[i]) || text[i] === ':' || text[i] === '*' || text[i] === '_' || text[i] === '=')) i++;
  if (i >= limit) return null;
  const math = mathSpan(text, i, limit);
  if (math !== null) return joinedMath(text, math, limit);
  let depth = 0;
  let end = i;
  for (; end < limit; end++) {
    const ch = text[end]!;
    if (ch === '\n' || ch === '\r') break;
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (
      (ch === '.' || ch === '!' || ch === '?' || ch === ';') &&
      !isDigit(text[end + 1]) &&
      (end + 1 >= text.length || isSpace(text[end + 1]) || text[end + 1] === '\n' || ch !== '.')
    )
      break;
    else if (ch === ',' && depth <= 0 && isSpace(text[end + 1])) break;
  }
  return end > i ? { start: i, end } : null;
}

/**
 * "$1$ and $2$", "$3$, $5$, or $7$": math spans joined by commas and "and"
 * or "or" after the first are parts of one answer; the span runs from the
 * first content to the last (the delimiters between are dropped on parsing).
 */
function joinedMath(text: string, first: Span, limit: number): Span {
  let end = first.end;
  for (let parts = 1; parts < 8; parts++) {
    let k = closingEnd(text, end);
    const before = k;
    while (k < limit && (isSpace(text[k]) || text[k] === ',')) k++;
    for (const word of ['and ', 'or ']) if (text.startsWith(word, k)) k += word.length;
    while (k < limit && isSpace(text[k])) k++;
    if (k === before) break;
    const next = mathSpan(text, k, limit);
    if (next === null) break;
    end = next.end;
  }
  return { start: first.start, end };
}

/** Where the closing delimiter that starts at `at` ends. */
function closingEnd(text: string, at: number): number {
  if (text.startsWith('$$', at)) return at + 2;
  if (text[at] === '$') return at + 1;
  return text.startsWith('\\)', at) || text.startsWith('\\]', at) ? at + 2 : at;
}

/** `$...$`, `$$...$$`, `\(...\)`, `\[...\]` starting at `i`, with delimiters dropped. */
function mathSpan(text: string, i: number, limit: number): Span | null {
  let open = '';
  let close = '';
  if (text.startsWith('$$', i)) [open, close] = ['$$', '$$'];
  else if (text[i] === '$') [open, close] = ['$', '$'];
  else if (text.startsWith('\\(', i)) [open, close] = ['\\(', '\\)'];
  else if (text.startsWith('\\[', i)) [open, close] = ['\\[', '\\]'];
  else return null;
  // A dollar sign followed by a digit and no closing dollar nearby is currency, not math.
  let end = text.indexOf(close, i + open.length);
  // \$ inside math is a dollar sign, not the closing delimiter.
  while (end > 0 && end <= limit && text[end - 1] === '\\' && close === '$') end = text.indexOf(close, end + 1);
  if (end < 0 || end > limit) return null;
  return end > i + open.length ? { start: i + open.length, end } : null;
}

/**
 * The number containing the digit at `digit`: thousands groups, a decimal
 * point, a fraction `a/b` or `\frac{a}{b}`, a sign, a trailing `%`.
 */
export function numberAround(text: string, digit: number): Span {
  const low = Math.max(0, digit - NUMBER_WINDOW);
  const high = Math.min(text.length, digit + NUMBER_WINDOW);
  let start = digit;
  let end = digit + 1;
  for (;;) {
    if (start > low && isDigit(text[start - 1])) start--;
    else if (start - 1 > low && text[start - 1] === '.' && isDigit(text[start - 2]) && isDigit(text[start])) start--;
    else if (start - 1 > low && text[start - 1] === ',' && isDigit(text[start - 2]) && isThousandsGroup(text, start)) start--;
    else break;
  }
  for (;;) {
    if (end < high && isDigit(text[end])) end++;
    else if (end + 1 < high && text[end] === '.' && isDigit(text[end + 1])) end++;
    else if (end + 1 < high && text[end] === ',' && isThousandsGroup(text, end + 1)) end++;
    else break;
  }
  // A leading decimal point: ".5"
  if (text[start - 1] === '.' && !isDigit(text[start - 2])) start--;
  start = currencySpaceGroups(text, start);
  // a/b, but not dates such as 3/4/2020
  if (text[end] === '/' && isDigit(text[end + 1]) && text[start - 1] !== '/') {
    let k = end + 1;
    while (k < high && isDigit(text[k])) k++;
    if (text[k] !== '/') end = k;
  } else if (text[start - 1] === '/' && isDigit(text[start - 2])) {
    let k = start - 1;
    while (k > low && isDigit(text[k - 1])) k--;
    if (text[k - 1] !== '/') start = k;
  }
  // \frac{a}{b} around a digit of b or of a
  const frac = fractionAround(text, start, end);
  if (frac !== null) ({ start, end } = frac);
  // A sign, possibly before a currency sign: -5, −5, -$5
  const currency = text[start - 1] === '$' ? 1 : 0;
  const before = text[start - 1 - currency];
  const beforeSign = text[start - 2 - currency];
  if ((before === '-' || before === '\u2212') && !isDigit(beforeSign) && !isLetter(beforeSign) && beforeSign !== ')') start -= 1 + currency;
  if (text[end] === '%') end++;
  else if (text.startsWith('\\%', end)) end += 2;
  return { start, end };
}

function isSpaceLike(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u2009' || ch === '\u202f' || ch === '\u00a0';
}

/**
 * "$118 000": thousands separated by spaces, accepted only after a currency
 * sign, where "4 100" cannot be two numbers side by side. Returns the new start.
 */
function currencySpaceGroups(text: string, start: number): number {
  let head = start;
  for (let groups = 0; groups < 6; groups++) {
    if (!isSpaceLike(text[head - 1]) || !isThousandsGroup(text, head) || !isDigit(text[head - 2])) return start;
    let k = head - 2;
    while (k > head - 6 && isDigit(text[k - 1])) k--;
    const length = head - 1 - k;
    if (length > 3 || isDigit(text[k - 1])) return start;
    if (text[k - 1] === '$') return k;
    if (length !== 3) return start;
    head = k;
  }
  return start;
}

/** Exactly three digits from `at`, then no fourth: what may follow a thousands comma. */
function isThousandsGroup(text: string, at: number): boolean {
  return isDigit(text[at]) && isDigit(text[at + 1]) && isDigit(text[at + 2]) && !isDigit(text[at + 3]);
}

const FRACTION_COMMANDS = ['\\frac{', '\\dfrac{', '\\tfrac{'];

function fractionAround(text: string, start: number, end: number): Span | null {
  // A digit run in the denominator: \frac{a}{b} with [start, end) = b
  if (text[start - 1] === '{' && text[start - 2] === '}' && text[end] === '}') {
    let k = start - 2;
    while (k > 0 && k > start - 40 && isDigit(text[k - 1])) k--;
    for (const command of FRACTION_COMMANDS) {
      if (text.startsWith(command, k - command.length)) return { start: k - command.length, end: end + 1 };
    }
  }
  // ...or in the numerator
  if (text[end] === '}' && text[end + 1] === '{') {
    for (const command of FRACTION_COMMANDS) {
      if (text.startsWith(command, start - command.length)) {
        let k = end + 2;
        while (k < text.length && k < end + 40 && isDigit(text[k])) k++;
        if (text[k] === '}' && k > end + 2) return { start: start - command.length, end: k + 1 };
      }
    }
  }
  return null;
}

/** The last digit in text[from, to), or -1. */
export function lastDigit(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) return i;
  }
  return -1;
}

/** The first digit in text[from, to), or -1. */
export function firstDigit(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) return i;
  }
  return -1;
}
