/**
 * Rewrites the LaTeX that models put around answers and arithmetic into plain
 * math text: `\frac{a}{b}` → `((a)/(b))`, `\sqrt{x}` → `sqrt(x)`, `\cdot` and
 * `\times` → `*`, `\div` → `/`, `x^{2}` → `x^(2)`, `\left( \right)` → `( )`,
 * `\text{..}` and `\mathrm{..}` → their content, `\pi` → `pi`, `\%` → `%`,
 * `1{,}234` → `1,234`, and drops `$`, `\(`, `\)`, `\[`, `\]` and `\$`.
 *
 * It is a single left-to-right pass with an explicit stack of open braces, so
 * it is linear in the input and cannot overflow the call stack however deep
 * the nesting (a `\frac` nested a million times is just a long stack array).
 * When asked, it also returns, for every output character, the offset of the
 * input character it came from, so callers can report positions in the text
 * the user gave them.
 */
import { isSpecial, Output, type PlainText } from './latex-output.js';
import { DROPPED, FRACTIONS, FUNCTIONS, SPACES, SYMBOLS, TEXT_WRAPPERS, UNICODE } from './latex-tables.js';

export type { PlainText } from './latex-output.js';

/**
 * A character the answer parser reads as "plus, forming a mixed number": the
 * output for `2\frac{1}{2}`, which means two and a half, not two halves.
 * U+2064 INVISIBLE PLUS is meant for exactly this.
 */
export const MIXED_PLUS = '\u2064';

// What closing a brace emits depends on what opened it.
const GROUP = 0; // plain {..} → (..)
const FRAC_NUMERATOR = 1; // \frac{ .. } then {
const FRAC_DENOMINATOR = 2; // .. }
const SILENT = 3; // \text{..}: content only
const FUNCTION_ARGUMENT = 4; // \sqrt{..} → sqrt(..)
const SKIPPED = 5; // \begin{..}: nothing at all
const LITERAL = 6; // {1, 2} in value position: a set, braces kept

/** Whether a `{` after this character groups (x^{2}, 2{3}) or opens a set ({1, 2}, x = {1}). */
function isGroupingContext(before: string | undefined): boolean {
  return before === '^' || before === '_' || before === ')' || isDigit(before) || isLetter(before) || before === '*' || before === '/' || before === '+' || before === '-';
}

/** True when the text ends in an integer that stands on its own (not an exponent, decimal or name). */
function endsWithWholeNumber(text: string): boolean {
  let k = text.length - 1;
  if (!isDigit(text[k])) return false;
  while (k >= 0 && isDigit(text[k])) k--;
  const before = text[k];
  return before === undefined || !(isLetter(before) || before === '^' || before === '_' || before === '.' || before === ',' || before === ')');
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Whether latexToPlain could change the text at all: the fast path for plain answers. */
export function needsLatexRewrite(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpecial(text.charCodeAt(i))) return true;
  return false;
}

export function latexToPlain(input: string, options: { readonly offsets?: boolean } = {}): PlainText {
  return new LatexRewriter(input, options.offsets === true).run();
}

/** The single pass: a cursor over the input, the output, and the stack of open braces. */
class LatexRewriter {
  private i = 0;
  private readonly n: number;
  private readonly out: Output;
  private readonly stack: number[] = [];

  constructor(
    private readonly input: string,
    offsets: boolean,
  ) {
    this.n = input.length;
    this.out = new Output(offsets);
  }

  /** Index of the next character that is not a space, from `from`. */
  private skipSpaces(from: number): number {
    let j = from;
    while (j < this.n && this.input[j] === ' ') j++;
    return j;
  }

  run(): PlainText {
    while (this.i < this.n) {
      // Copy the run of ordinary characters in one piece.
      let run = this.i;
      while (run < this.n && !isSpecial(this.input.charCodeAt(run))) run++;
      if (run > this.i) {
        this.out.copy(this.input, this.i, run);
        this.i = run;
        if (this.i >= this.n) break;
      }
      const ch = this.input[this.i]!;
      if (ch === '\\') {
        const next = this.input[this.i + 1];
        if (isLetter(next)) {
          let j = this.i + 1;
          while (j < this.n && isLetter(this.input[j])) j++;
          const name = this.input.slice(this.i + 1, j);
          this.i = this.command(name, this.i, j);
          continue;
        }
        // Escaped single characters.
        if (next === '{' || next === '}') this.out.emit(next, this.i);
        else if (next === '%') this.out.emit('%', this.i);
        else if (next === ',' || next === ';' || next === ':' || next === ' ' || next === '\\' || next === '>') this.out.emit(' ', this.i);
        else if (next === '&' || next === '#' || next === '_') this.out.emit(next, this.i);
        // \! \$ \( \) \[ \] and a lone trailing backslash emit nothing.
        this.i += next === undefined ? 1 : 2;
        continue;
      }
      if (ch === '{') {
        if (this.input[this.i + 1] === ',' && this.input[this.i + 2] === '}') {
          this.out.emit(',', this.i); // 1{,}234: the LaTeX way to write a thousands comma
          this.i += 3;
          continue;
        }
        // After ^, _ or inside an expression a brace groups; in value position it is a set: {1, 2}.
        const grouping = isGroupingContext(this.out.lastNonSpace);
        this.stack.push(grouping ? GROUP : LITERAL);
        this.out.emit(grouping ? '(' : '{', this.i);
        this.i++;
        continue;
      }
      if (ch === '}') {
        this.closeBrace(this.i);
        continue;
      }
      if (ch === '$') {
        this.i++;
        continue;
      }
      if (ch === '~' || ch === '&') {
        this.out.emit(' ', this.i);
        this.i++;
        continue;
      }
      const mapped = UNICODE.get(ch);
      this.out.emit(mapped ?? ch, this.i);
      this.i++;
    }
    return this.out.finish(this.n);
  }

  private closeBrace(at: number): void {
    const kind = this.stack.pop();
    this.i = at + 1;
    switch (kind) {
      case GROUP:
      case FUNCTION_ARGUMENT:
        this.out.emit(')', at);
        return;
      case FRAC_NUMERATOR: {
        const open = this.skipSpaces(this.i);
        if (this.input[open] === '{') {
          this.stack.push(FRAC_DENOMINATOR);
          this.out.emit(')/(', at);
          this.i = open + 1;
        } else if (isDigit(this.input[open]) || isLetter(this.input[open])) {
          // \frac{1}2: a one-character denominator
          this.out.emit(`)/(${this.input[open]}))`, at);
          this.i = open + 1;
        } else {
          this.out.emit('))', at);
        }
        return;
      }
      case FRAC_DENOMINATOR:
        this.out.emit('))', at);
        return;
      case SILENT:
        this.out.emit(' ', at);
        return;
      case LITERAL:
        this.out.emit('}', at);
        return;
      case undefined:
        this.out.emit('}', at); // unmatched: kept, so a stray brace stays visible
        return;
      default:
        return; // SKIPPED
    }
  }

  /** Handles `\name` spanning [start, end); returns where to continue. */
  private command(name: string, start: number, end: number): number {
    if (FRACTIONS.has(name)) return this.fraction(start, end);
    if (name === 'sqrt') return this.squareRoot(start, end);
    if (TEXT_WRAPPERS.has(name)) {
      const open = this.skipSpaces(end);
      if (this.input[open] === '{') {
        // \color{red}{..} and \textcolor{red}{..}: drop the colour name, keep the content
        if (name === 'color' || name === 'textcolor') return this.skipGroup(open);
        this.stack.push(SILENT);
        this.out.emit(' ', start);
        return open + 1;
      }
      return end;
    }
    if (DROPPED.has(name)) {
      // \left. and \right. are invisible delimiters
      return this.input[end] === '.' ? end + 1 : end;
    }
    if (SPACES.has(name)) {
      this.out.emit(' ', start);
      return end;
    }
    if (name === 'begin' || name === 'end') {
      const open = this.skipSpaces(end);
      this.out.emit(' ', start);
      return this.input[open] === '{' ? this.skipGroup(open) : end;
    }
    if (FUNCTIONS.has(name)) {
      this.out.emit(` ${name} `, start);
      return end;
    }
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) {
      this.out.emit(symbol, start);
      return end;
    }
    this.out.emit(this.input.slice(start, end), start);
    return end;
  }

  /** Skips a `{...}` without nested braces (an environment or colour name), bounded. */
  private skipGroup(open: number): number {
    let j = open + 1;
    while (j < this.n && j - open < 64 && this.input[j] !== '}' && this.input[j] !== '{') j++;
    if (this.input[j] === '}') return j + 1;
    this.stack.push(SKIPPED);
    return open + 1;
  }

  private fraction(start: number, end: number): number {
    // 2\frac{1}{2} is a mixed number: two and a half.
    if (endsWithWholeNumber(this.out.tail(40))) this.out.emit(MIXED_PLUS, start);
    const open = this.skipSpaces(end);
    const first = this.input[open];
    if (first === '{') {
      this.stack.push(FRAC_NUMERATOR);
      this.out.emit('((', start);
      return open + 1;
    }
    if (isDigit(first) || isLetter(first)) {
      // \frac12 and \frac1{2}: one-character arguments
      const second = this.skipSpaces(open + 1);
      if (this.input[second] === '{') {
        this.stack.push(FRAC_DENOMINATOR);
        this.out.emit(`((${first})/(`, start);
        return second + 1;
      }
      if (isDigit(this.input[second]) || isLetter(this.input[second])) {
        this.out.emit(`((${first})/(${this.input[second]}))`, start);
        return second + 1;
      }
    }
    this.out.emit('\\frac', start);
    return end;
  }

  private squareRoot(start: number, end: number): number {
    let open = this.skipSpaces(end);
    let prefix = 'sqrt(';
    if (this.input[open] === '[') {
      // \sqrt[3]{x} → root(3,x); the index is short and simple or we leave it alone
      let j = open + 1;
      while (j < this.n && j - open <= 16 && (isDigit(this.input[j]) || isLetter(this.input[j]) || this.input[j] === ' ')) j++;
      if (this.input[j] !== ']') {
        this.out.emit('\\sqrt', start);
        return end;
      }
      prefix = `root(${this.input.slice(open + 1, j).trim()},`;
      open = this.skipSpaces(j + 1);
    }
    if (this.input[open] === '{') {
      this.stack.push(FUNCTION_ARGUMENT);
      this.out.emit(prefix, start);
      return open + 1;
    }
    if (isDigit(this.input[open]) || isLetter(this.input[open])) {
      this.out.emit(`${prefix}${this.input[open]})`, start);
      return open + 1;
    }
    this.out.emit(' sqrt ', start);
    return open;
  }
}
