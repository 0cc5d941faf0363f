import { OffsetMap } from './offsets.js';

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

export interface PlainText {
  readonly text: string;
  /** Maps output offsets to input offsets (the output length to the input length); null unless asked for. */
  readonly offsets: OffsetMap | null;
}

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

const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
const TEXT_WRAPPERS = new Set([
  'text', 'textrm', 'textbf', 'textit', 'textnormal', 'textsf', 'texttt', 'mathrm', 'mathbf', 'mathit', 'mathsf',
  'mathtt', 'mathbb', 'mathcal', 'mbox', 'hbox', 'operatorname', 'boldsymbol', 'bm', 'boxed', 'fbox', 'framebox',
  'emph', 'underline', 'overline', 'color', 'textcolor',
]);
const DROPPED = new Set([
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'middle',
  'displaystyle', 'textstyle', 'limits', 'nolimits', 'mathord', 'mathop', 'hfill', 'noindent',
]);
const SPACES = new Set(['quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'space', 'newline']);
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan', 'log', 'ln', 'exp', 'sinh', 'cosh', 'tanh']);
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['cdot', '*'], ['times', '*'], ['ast', '*'], ['div', '/'], ['pm', '±'], ['mp', '∓'],
  ['pi', ' pi '], ['infty', ' inf '], ['infin', ' inf '], ['circ', '°'], ['degree', '°'],
  ['approx', '≈'], ['simeq', '≈'], ['sim', '≈'], ['ne', '≠'], ['neq', '≠'], ['le', '≤'], ['leq', '≤'], ['ge', '≥'], ['geq', '≥'],
  ['lt', '<'], ['gt', '>'], ['ldots', '...'], ['cdots', '...'], ['dots', '...'], ['dotsc', '...'], ['lbrace', '{'], ['rbrace', '}'],
  ['lvert', '|'], ['rvert', '|'], ['vert', '|'], ['mid', '|'], ['colon', ':'], ['cup', '∪'], ['cap', '∩'], ['to', '→'],
  ['rightarrow', '→'], ['implies', '⇒'], ['Rightarrow', '⇒'], ['therefore', '∴'], ['percent', '%'],
]);

/** Characters rewritten wherever they appear, LaTeX or not. */
const UNICODE: ReadonlyMap<string, string> = new Map([
  ['\u2212', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\ufe63', '-'], ['\uff0d', '-'],
  ['\u00d7', '*'], ['\u22c5', '*'], ['\u00b7', '*'], ['\u2217', '*'], ['\u00f7', '/'], ['\u2215', '/'],
  ['\u00a0', ' '], ['\u2007', ' '], ['\u2009', ' '], ['\u200a', ' '], ['\u202f', ' '], ['\u2002', ' '], ['\u2003', ' '],
  ['\u221a', ' sqrt '], ['\u03c0', ' pi '], ['\u221e', ' inf '], ['\uff05', '%'], ['\u2019', "'"],
]);

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

class Output {
  private pieces: string[] = [];
  private length = 0;
  private readonly offsets: OffsetMap | null;

  constructor(withOffsets: boolean) {
    this.offsets = withOffsets ? new OffsetMap() : null;
  }

  /** A piece standing for the input at `from`: every character maps there. */
  emit(piece: string, from: number): void {
    if (piece.length === 0) return;
    this.offsets?.add(this.length, piece.length, from, false);
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** Input characters [from, to) copied unchanged. */
  copy(input: string, from: number, to: number): void {
    if (to <= from) return;
    this.offsets?.add(this.length, to - from, from, true);
    this.pieces.push(input.slice(from, to));
    this.length += to - from;
  }

  /** The last `count` characters of output (fewer at the start), without joining everything. */
  tail(count: number): string {
    let result = '';
    for (let k = this.pieces.length - 1; k >= 0 && result.length < count; k--) {
      const piece = this.pieces[k]!;
      const wanted = count - result.length;
      result = (piece.length > wanted ? piece.slice(piece.length - wanted) : piece) + result;
    }
    return result;
  }

  text(): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0] ?? '';
  }

  finish(inputLength: number): PlainText {
    const text = this.text();
    this.offsets?.close(this.length, inputLength);
    return { text, offsets: this.offsets };
  }
}

/** Characters latexToPlain treats specially: \ { } $ ~ & and anything outside ASCII. */
function isSpecial(code: number): boolean {
  return code === 92 || code === 123 || code === 125 || code === 36 || code === 126 || code === 38 || code > 127;
}

/** Whether latexToPlain could change the text at all: the fast path for plain answers. */
export function needsLatexRewrite(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // \ { } $ ~ and anything outside ASCII (unicode minus, ×, thin spaces, π, ...)
    if (code === 92 || code === 123 || code === 125 || code === 36 || code === 126 || code > 127) return true;
  }
  return false;
}

export function latexToPlain(input: string, options: { readonly offsets?: boolean } = {}): PlainText {
  const out = new Output(options.offsets === true);
  const stack: number[] = [];
  const n = input.length;
  let i = 0;

  /** Index of the next character that is not a space, from `from`. */
  const skipSpaces = (from: number): number => {
    let j = from;
    while (j < n && input[j] === ' ') j++;
    return j;
  };

  while (i < n) {
    // Copy the run of ordinary characters in one piece.
    let run = i;
    while (run < n && !isSpecial(input.charCodeAt(run))) run++;
    if (run > i) {
      out.copy(input, i, run);
      i = run;
      if (i >= n) break;
    }
    const ch = input[i]!;
    if (ch === '\\') {
      const next = input[i + 1];
      if (isLetter(next)) {
        let j = i + 1;
        while (j < n && isLetter(input[j])) j++;
        const name = input.slice(i + 1, j);
        i = command(name, i, j);
        continue;
      }
      // Escaped single characters.
      if (next === '{' || next === '}') out.emit(next, i);
      else if (next === '%') out.emit('%', i);
      else if (next === ',' || next === ';' || next === ':' || next === ' ' || next === '\\' || next === '>') out.emit(' ', i);
      else if (next === '&' || next === '#' || next === '_') out.emit(next, i);
      // \! \$ \( \) \[ \] and a lone trailing backslash emit nothing.
      i += next === undefined ? 1 : 2;
      continue;
    }
    if (ch === '{') {
      if (input[i + 1] === ',' && input[i + 2] === '}') {
        out.emit(',', i); // 1{,}234: the LaTeX way to write a thousands comma
        i += 3;
        continue;
      }
      stack.push(GROUP);
      out.emit('(', i);
      i++;
      continue;
    }
    if (ch === '}') {
      closeBrace(i);
      continue;
    }
    if (ch === '$') {
      i++;
      continue;
    }
    if (ch === '~' || ch === '&') {
      out.emit(' ', i);
      i++;
      continue;
    }
    const mapped = UNICODE.get(ch);
    out.emit(mapped ?? ch, i);
    i++;
  }
  return out.finish(n);

  function closeBrace(at: number): void {
    const kind = stack.pop();
    i = at + 1;
    switch (kind) {
      case GROUP:
      case FUNCTION_ARGUMENT:
        out.emit(')', at);
        return;
      case FRAC_NUMERATOR: {
        const open = skipSpaces(i);
        if (input[open] === '{') {
          stack.push(FRAC_DENOMINATOR);
          out.emit(')/(', at);
          i = open + 1;
        } else if (isDigit(input[open]) || isLetter(input[open])) {
          // \frac{1}2: a one-character denominator
          out.emit(`)/(${input[open]}))`, at);
          i = open + 1;
        } else {
          out.emit('))', at);
        }
        return;
      }
      case FRAC_DENOMINATOR:
        out.emit('))', at);
        return;
      case SILENT:
        out.emit(' ', at);
        return;
      default:
        // SKIPPED, or an unmatched brace: nothing.
        return;
    }
  }

  /** Handles `\name` spanning [start, end); returns where to continue. */
  function command(name: string, start: number, end: number): number {
    if (FRACTIONS.has(name)) return fraction(start, end);
    if (name === 'sqrt') return squareRoot(start, end);
    if (TEXT_WRAPPERS.has(name)) {
      const open = skipSpaces(end);
      if (input[open] === '{') {
        // \color{red}{..} and \textcolor{red}{..}: drop the colour name, keep the content
        if (name === 'color' || name === 'textcolor') return skipGroup(open);
        stack.push(SILENT);
        out.emit(' ', start);
        return open + 1;
      }
      return end;
    }
    if (DROPPED.has(name)) {
      // \left. and \right. are invisible delimiters
      return input[end] === '.' ? end + 1 : end;
    }
    if (SPACES.has(name)) {
      out.emit(' ', start);
      return end;
    }
    if (name === 'begin' || name === 'end') {
      const open = skipSpaces(end);
      out.emit(' ', start);
      return input[open] === '{' ? skipGroup(open) : end;
    }
    if (FUNCTIONS.has(name)) {
      out.emit(` ${name} `, start);
      return end;
    }
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) {
      out.emit(symbol, start);
      return end;
    }
    out.emit(input.slice(start, end), start);
    return end;
  }

  /** Skips a `{...}` without nested braces (an environment or colour name), bounded. */
  function skipGroup(open: number): number {
    let j = open + 1;
    while (j < n && j - open < 64 && input[j] !== '}' && input[j] !== '{') j++;
    if (input[j] === '}') return j + 1;
    stack.push(SKIPPED);
    return open + 1;
  }

  function fraction(start: number, end: number): number {
    // 2\frac{1}{2} is a mixed number: two and a half.
    if (endsWithWholeNumber(out.tail(40))) out.emit(MIXED_PLUS, start);
    const open = skipSpaces(end);
    const first = input[open];
    if (first === '{') {
      stack.push(FRAC_NUMERATOR);
      out.emit('((', start);
      return open + 1;
    }
    if (isDigit(first) || isLetter(first)) {
      // \frac12 and \frac1{2}: one-character arguments
      const second = skipSpaces(open + 1);
      if (input[second] === '{') {
        stack.push(FRAC_DENOMINATOR);
        out.emit(`((${first})/(`, start);
        return second + 1;
      }
      if (isDigit(input[second]) || isLetter(input[second])) {
        out.emit(`((${first})/(${input[second]}))`, start);
        return second + 1;
      }
    }
    out.emit('\\frac', start);
    return end;
  }

  function squareRoot(start: number, end: number): number {
    let open = skipSpaces(end);
    let prefix = 'sqrt(';
    if (input[open] === '[') {
      // \sqrt[3]{x} → root(3,x); the index is short and simple or we leave it alone
      let j = open + 1;
      while (j < n && j - open <= 16 && (isDigit(input[j]) || isLetter(input[j]) || input[j] === ' ')) j++;
      if (input[j] !== ']') {
        out.emit('\\sqrt', start);
        return end;
      }
      prefix = `root(${input.slice(open + 1, j).trim()},`;
      open = skipSpaces(j + 1);
    }
    if (input[open] === '{') {
      stack.push(FUNCTION_ARGUMENT);
      out.emit(prefix, start);
      return open + 1;
    }
    if (isDigit(input[open]) || isLetter(input[open])) {
      out.emit(`${prefix}${input[open]})`, start);
      return open + 1;
    }
    out.emit(' sqrt ', start);
    return open;
  }
}
