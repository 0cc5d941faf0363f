import { tryEvaluateArithmetic, type ArithmeticResult } from '../exact/arith.js';

/**
 * The two sides of a claim around an `=`: how far arithmetic reaches to the
 * left and to the right, where it may start when the whole run does not
 * parse, and what cuts it short (sentence ends, words, dangling operators,
 * markdown, dates). Each side reads at most MAX_SIDE characters and never
 * crosses another `=`, which keeps the scan linear.
 */
const MAX_SIDE = 200;

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Characters that can be part of plain arithmetic. `x` only as a multiplication sign between operands. */
function isArithmeticChar(text: string, i: number): boolean {
  const ch = text[i]!;
  if (isDigit(ch)) return true;
  switch (ch) {
    case ' ':
    case '\t':
    case '.':
    case ',':
    case '+':
    case '-':
    case '*':
    case '/':
    case '^':
    case '(':
    case ')':
    case '[':
    case ']':
    case '%':
    case '$':
    case '€':
    case '£':
      return true;
    case 'x':
    case 'X': {
      // "3 x 4", "3x4", "$2000x 10/100"; but not "3x + 4" or "2x = 10", where x is a variable.
      const before = text[i - 1];
      if (!(before === ' ' || isDigit(before) || before === ')')) return false;
      let j = i + 1;
      while (text[j] === ' ') j++;
      const next = text[j];
      return j - i <= 2 && (isDigit(next) || next === '(' || next === '$');
    }
    default:
      return false;
  }
}

/** Positions inside an LHS where a claim may start if the whole LHS does not parse. */
function retryStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < to && starts.length < 4; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') starts.push(i + 1);
    else if ((ch === '.' || ch === ',') && text[i + 1] === ' ') starts.push(i + 1);
  }
  return starts;
}

/**
 * Whether a left side starting at `i` begins mid-expression: "9 hours * 2/3 = 6"
 * leaves "* 2/3", whose real left operand is behind the words. A minus sign
 * glued to its number ("-3 + 5") is a sign, one followed by a space is not.
 */
function startsWithDanglingOperator(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '+' || ch === '*' || ch === '/' || ch === '^' || ch === 'x' || ch === 'X') return true;
  return ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t');
}

/** Markdown bold around a claim: "**3 + 4 = 7**". */
function skipMarkdown(text: string, i: number, to: number): number {
  return text[i] === '*' && text[i + 1] === '*' && i + 2 < to && (isDigit(text[i + 2]) || text[i + 2] === '(' || text[i + 2] === '$') ? i + 2 : i;
}

export function skipSpaces(text: string, i: number, to: number): number {
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Drops sentence punctuation, spaces and unbalanced brackets from the end of a right side. */
function trimRight(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === '(' || text[i] === '[') depth++;
    else if (text[i] === ')' || text[i] === ']') depth--;
  }
  for (;;) {
    const ch = text[end - 1];
    if (end <= start) return end;
    if (ch === ' ' || ch === '\t' || ch === '.' || ch === ',' || ch === '$' || ch === '*') end--;
    else if ((ch === ')' || ch === ']') && depth < 0) {
      depth++;
      end--;
    } else if ((ch === '(' || ch === '[') && depth > 0) {
      depth--;
      end--;
    } else return end;
  }
}

export interface Side {
  readonly start: number;
  readonly end: number;
  readonly result: Extract<ArithmeticResult, { ok: true }>;
}

/** The computation before the `=` at `equals`: plain arithmetic, read leftwards. */
export function leftSide(text: string, equals: number): Side | null {
  let k = equals;
  while (k > 0 && equals - k < MAX_SIDE && isArithmeticChar(text, k - 1)) {
    // A sentence or clause before the claim ends it: "= 1. -1 + 0 = -1", "apples, 2 + 3 = 5".
    if ((text[k - 1] === '.' || text[k - 1] === ',') && !isDigit(text[k])) break;
    k--;
  }
  const end = trimRight(text, k, equals);
  const first = skipSpaces(text, k, end);
  if (first >= end) return null;
  // A run glued to a word ("item2 + 3", "\foo2") is part of a name, not a claim.
  const glued = first === k && k > 0 && (isLetter(text[k - 1]) || text[k - 1] === '_' || text[k - 1] === '\\');
  const candidates = glued ? retryStarts(text, first, end) : [first, ...retryStarts(text, first, end)];
  for (const candidate of candidates) {
    const start = skipMarkdown(text, skipSpaces(text, candidate, end), end);
    if (start >= end) continue;
    if (startsWithDanglingOperator(text, start)) return null;
    const result = tryEvaluateArithmetic(text.slice(start, end));
    if (result.ok) return { start, end, result };
  }
  return null;
}

/** The value after the `=` at `equals`: plain arithmetic up to the end of the clause. */
export function rightSide(text: string, equals: number): Side | null {
  const start = skipSpaces(text, equals + 1, text.length);
  let j = start;
  while (j < text.length && j - equals < MAX_SIDE && isArithmeticChar(text, j)) {
    // A sentence or clause ends the right side: "= 9. Then", "= 9, so".
    if ((text[j] === '.' || text[j] === ',') && !isDigit(text[j + 1])) break;
    j++;
  }
  // "= 10km", "= 5x", "= 3rd", "= (5/2)x": the number is glued to a word.
  if (isLetter(text[j]) && j > start && (isDigit(text[j - 1]) || text[j - 1] === ')')) return null;
  const end = trimRight(text, start, j);
  if (end <= start) return null;
  const result = tryEvaluateArithmetic(text.slice(start, end));
  return result.ok ? { start, end, result } : null;
}

/** `3/4/2020`, `12/25/23`: a date, not two divisions. */
export function isDate(text: string, start: number, end: number): boolean {
  let slashes = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 47) slashes++;
  if (slashes !== 2) return false;
  const parts = text.slice(start, end).trim().split('/');
  if (parts.length !== 3) return false;
  const [month, day, year] = parts as [string, string, string];
  const digits = (part: string, min: number, max: number): boolean => part.length >= min && part.length <= max && [...part].every((ch) => isDigit(ch));
  return digits(month, 1, 2) && digits(day, 1, 2) && (digits(year, 2, 2) || digits(year, 4, 4));
}
