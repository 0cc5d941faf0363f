/**
 * Rewrites the LaTeX that models put around answers and arithmetic into plain
 * math text: `\frac{a}{b}` → `((a)/(b))`, `\sqrt{x}` → `sqrt(x)`, `\cdot` and
 * `\times` → `*`, `\div` → `/`, `x^{2}` → `x^(2)`, `\left( \right)` → `( )`,
 * `\text{..}` and `\mathrm{..}` → their content, `\pi` → `pi`, `\%` → `%`,
 * `1{,}234` → `1,234`, and drops `$`, `\(`, `\)`, `\[`, `\]` and `\$`. A matrix
 * environment becomes the MATRIX_* markers around its cells and rows.
 *
 * It is a single left-to-right pass with an explicit stack of open braces, so
 * it is linear in the input and cannot overflow the call stack however deep
 * the nesting (a `\frac` nested a million times is just a long stack array).
 * When asked, it also returns, for every output character, the offset of the
 * input character it came from, so callers can report positions in the text
 * the user gave them.
 */
import {
  endsWithWholeNumber,
  isDigit,
  isGroupingContext,
  isLetter,
  MATRIX_CELL,
  MATRIX_CLOSE,
  MATRIX_OPEN,
  MATRIX_ROW,
  MIXED_PLUS,
  REPEATING,
} from './latex-chars.js';
import { isSpecial, Output, type PlainText } from './latex-output.js';
import { readRoot } from './latex-roots.js';
import { DROPPED, FRACTIONS, FUNCTIONS, GREEK, MATRIX_ENVIRONMENTS, SPACES, SYMBOLS, TEXT_WRAPPERS, UNICODE } from './latex-tables.js';

export type { PlainText } from './latex-output.js';

export { MIXED_PLUS, needsLatexRewrite } from './latex-chars.js';

// What closing a brace emits depends on what opened it.
const GROUP = 0; // plain {..} → (..)
const FRAC_NUMERATOR = 1; // \frac{ .. } then {
const FRAC_DENOMINATOR = 2; // .. }
const SILENT = 3; // \text{..}: content only
const FUNCTION_ARGUMENT = 4; // \sqrt{..} → sqrt(..)
const SKIPPED = 5; // \begin{..}: nothing at all
const LITERAL = 6; // {1, 2} in value position: a set, braces kept
const BINOM_TOP = 7; // \binom{ .. } then {
const BINOM_BOTTOM = 8; // .. }

export function latexToPlain(input: string, options: { readonly offsets?: boolean } = {}): PlainText {
  return new LatexRewriter(input, options.offsets === true).run();
}

/** The single pass: a cursor over the input, the output, and the stack of open braces. */
class LatexRewriter {
  private i = 0;
  private readonly n: number;
  private readonly out: Output;
  private readonly stack: number[] = [];
  /** Matrix environments open here: inside one, `&` and `\\` separate cells and rows. */
  private matrixDepth = 0;

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
        else if (next === '\\' && this.matrixDepth > 0) this.out.emit(MATRIX_ROW, this.i);
        else if (next === '!') {
          // A negative thin space glues what it stands between: 11,\! 111 is 11,111.
          this.i = this.skipSpaces(this.i + 2);
          continue;
        } else if (next === ',' || next === ';' || next === ':' || next === ' ' || next === '\\' || next === '>') this.out.emit(' ', this.i);
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
        this.out.emit(ch === '&' && this.matrixDepth > 0 ? MATRIX_CELL : ' ', this.i);
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
      case BINOM_TOP:
      case FRAC_NUMERATOR: {
        const open = this.skipSpaces(this.i);
        if (this.input[open] === '{') {
          this.stack.push(kind === BINOM_TOP ? BINOM_BOTTOM : FRAC_DENOMINATOR);
          this.out.emit(kind === BINOM_TOP ? '),(' : ')/(', at);
          this.i = open + 1;
        } else if (kind === BINOM_TOP) {
          this.out.emit('))', at); // \binom{n} alone: left unreadable
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
      case BINOM_BOTTOM:
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
    if (name === 'binom' || name === 'dbinom' || name === 'tbinom') {
      // \binom{n}{k} → binom((n),(k)); other spellings stay as written
      const open = this.skipSpaces(end);
      if (this.input[open] !== '{') return this.keep(start, end);
      this.stack.push(BINOM_TOP);
      this.out.emit('binom((', start);
      return open + 1;
    }
    if (name === 'overline' && this.repeatingDigits(end)) return this.i;
    if (TEXT_WRAPPERS.has(name)) {
      const open = this.skipSpaces(end);
      if (name === 'mathbb' && this.input.startsWith('{R}', open)) {
        this.out.emit('(-inf, inf)', start); // the real line, as an interval
        return open + 3;
      }
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
    if (name === 'begin' || name === 'end') return this.environment(name === 'begin', start, end);
    if (GREEK.has(name)) {
      this.out.emit(` ${name} `, start);
      return end;
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
    return this.keep(start, end);
  }

  /**
   * `0.1\overline{6}`: after the digits of a decimal, the digits under the bar
   * repeat. Writes them behind the REPEATING mark and moves past the group;
   * false (nothing written) for any other \overline.
   */
  private repeatingDigits(end: number): boolean {
    const tail = this.out.tail(24);
    const point = tail.lastIndexOf('.');
    if (point < 1 || !isDigit(tail[point - 1]) || !/^[0-9]*$/.test(tail.slice(point + 1))) return false;
    const open = this.skipSpaces(end);
    let close = open + 1;
    while (close < this.n && close - open <= 21 && isDigit(this.input[close])) close++;
    if (this.input[open] !== '{' || this.input[close] !== '}' || close === open + 1) return false;
    this.out.emit(REPEATING + this.input.slice(open + 1, close), open);
    this.i = close + 1;
    return true;
  }

  /** An unknown command is kept as written. */
  private keep(start: number, end: number): number {
    this.out.emit(this.input.slice(start, end), start);
    return end;
  }

  /**
   * `\begin{name}` or `\end{name}`: a matrix environment opens or closes a
   * grid (an array's column spec such as `{cc}` is skipped); any other
   * environment is dropped, its content kept.
   */
  private environment(begin: boolean, start: number, end: number): number {
    const open = this.skipSpaces(end);
    if (this.input[open] !== '{') {
      this.out.emit(' ', start);
      return end;
    }
    // the name is short: look no further than 20 characters for its end
    let close = open + 1;
    while (close < this.n && close - open <= 20 && this.input[close] !== '}') close++;
    const name = this.input[close] === '}' ? this.input.slice(open + 1, close).replace(/\*$/, '') : '';
    if (!MATRIX_ENVIRONMENTS.has(name)) {
      this.out.emit(' ', start);
      return this.skipGroup(open);
    }
    if (!begin) {
      if (this.matrixDepth > 0) this.matrixDepth--;
      this.out.emit(MATRIX_CLOSE, start);
      return close + 1;
    }
    this.matrixDepth++;
    this.out.emit(MATRIX_OPEN, start);
    const spec = this.skipSpaces(close + 1);
    return name === 'array' && this.input[spec] === '{' ? this.skipGroup(spec) : close + 1;
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
    const root = readRoot(this.input, end);
    if (root.opensArgument) this.stack.push(FUNCTION_ARGUMENT);
    this.out.emit(root.piece, start);
    return root.next;
  }
}
