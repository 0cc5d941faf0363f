import type { Rational } from '../exact/rational.js';
import { isMixedPlus, isSymbol, type NumberToken, type Token } from './tokens.js';

/**
 * Math expressions in answers (`2*sqrt(2)`, `x^2 + 1`, `3pi/4`): their syntax
 * tree, a recursive-descent parser over answer tokens with a depth cap, and a
 * printer whose output parses back to the same tree.
 */
export type Expr =
  | { readonly k: 'num'; readonly value: Rational }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'pct'; readonly a: Expr }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] };

/** Function names an answer may use; anything else with two or more letters is a word, not math. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'sqrt', 'root', 'abs', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan',
  'sinh', 'cosh', 'tanh', 'log', 'ln', 'exp',
]);

/** Named constants. `pi` and `e` are transcendental, which is what lets equivalence treat them as free symbols. */
export const CONSTANT_NAMES: ReadonlySet<string> = new Set(['pi', 'e', 'inf', 'infinity']);

export const MAX_EXPRESSION_DEPTH = 64;

/** Parses tokens[from, to) as one expression, or returns null. */
export function parseExpression(tokens: readonly Token[], from = 0, to = tokens.length): Expr | null {
  if (from >= to) return null;
  const parser = new ExpressionParser(tokens, from, to);
  const expr = parser.sum();
  return expr !== null && parser.atEnd() ? expr : null;
}

class ExpressionParser {
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private pos: number,
    private readonly end: number,
  ) {}

  atEnd(): boolean {
    return this.pos === this.end;
  }

  private peek(offset = 0): Token | undefined {
    const at = this.pos + offset;
    return at < this.end ? this.tokens[at] : undefined;
  }

  private enter(): boolean {
    return ++this.depth <= MAX_EXPRESSION_DEPTH;
  }

  sum(): Expr | null {
    if (!this.enter()) return null;
    let left = this.product();
    while (left !== null) {
      const token = this.peek();
      if (!isSymbol(token, '+') && !isSymbol(token, '-')) break;
      this.pos++;
      const right = this.product();
      if (right === null) return null;
      left = { k: 'bin', op: (token as { text: '+' | '-' }).text, a: left, b: right };
    }
    this.depth--;
    return left;
  }

  private product(): Expr | null {
    let left = this.unary();
    while (left !== null) {
      const token = this.peek();
      if (isSymbol(token, '*') || isSymbol(token, '/')) {
        this.pos++;
        const right = this.unary();
        if (right === null) return null;
        left = { k: 'bin', op: (token as { text: '*' | '/' }).text, a: left, b: right };
      } else if (token !== undefined && (token.t === 'word' || isSymbol(token, '('))) {
        // Juxtaposition multiplies: 2x, 2 sqrt(2), 3(4 + 1), (a)(b). Two numbers side by side do not.
        const right = this.power();
        if (right === null) return null;
        left = { k: 'bin', op: '*', a: left, b: right };
      } else break;
    }
    return left;
  }

  private unary(): Expr | null {
    let negative = false;
    for (;;) {
      const token = this.peek();
      if (isSymbol(token, '-')) negative = !negative;
      else if (!isSymbol(token, '+')) break;
      this.pos++;
    }
    const value = this.power();
    if (value === null) return null;
    return negative ? { k: 'neg', a: value } : value;
  }

  private power(): Expr | null {
    const base = this.postfix();
    if (base === null || !isSymbol(this.peek(), '^')) return base;
    this.pos++;
    if (!this.enter()) return null;
    const exponent = this.unary();
    this.depth--;
    return exponent === null ? null : { k: 'bin', op: '^', a: base, b: exponent };
  }

  private postfix(): Expr | null {
    let value = this.primary();
    while (value !== null && isSymbol(this.peek(), '%')) {
      this.pos++;
      value = { k: 'pct', a: value };
    }
    return value;
  }

  private primary(): Expr | null {
    const token = this.peek();
    if (token === undefined) return null;
    if (token.t === 'num') return this.number(token);
    if (token.t === 'word') return this.word(token.text);
    if (token.text === '(' || token.text === '[') return this.group(token.text === '(' ? ')' : ']');
    if (token.text === '|') {
      this.pos++;
      if (!this.enter()) return null;
      const inner = this.sum();
      this.depth--;
      if (inner === null || !isSymbol(this.peek(), '|')) return null;
      this.pos++;
      return { k: 'call', fn: 'abs', args: [inner] };
    }
    return null;
  }

  private number(token: NumberToken): Expr {
    this.pos++;
    const whole: Expr = { k: 'num', value: token.value };
    if (!token.integer) return whole;
    // 2⁤((1)/(2)) from LaTeX `2\frac{1}{2}`: a mixed number when the fraction is proper;
    // otherwise (`2\frac{\pi}{3}`, `3\frac{7}{2}`) the marker is dropped and juxtaposition multiplies.
    if (isMixedPlus(this.peek())) {
      this.pos++;
      const fraction = this.properFraction();
      if (fraction !== null) return { k: 'bin', op: '+', a: whole, b: fraction };
      return whole;
    }
    // `2 1/2`: a whole number, a space, then a proper fraction of whole numbers.
    const top = this.peek();
    const bar = this.peek(1);
    const bottom = this.peek(2);
    if (
      top?.t === 'num' && top.space && top.integer && isSymbol(bar, '/') &&
      bottom?.t === 'num' && bottom.integer && top.value.compare(bottom.value) < 0 && !isSymbol(this.peek(3), '^')
    ) {
      this.pos += 3;
      return { k: 'bin', op: '+', a: whole, b: { k: 'bin', op: '/', a: { k: 'num', value: top.value }, b: { k: 'num', value: bottom.value } } };
    }
    return whole;
  }

  /**
   * `((a)/(b))` with whole numbers 0 < a < b, the shape latexToPlain gives
   * `\frac{a}{b}`: consumed and returned as a/b, or null with nothing consumed.
   */
  private properFraction(): Expr | null {
    const shape = ['(', '(', 0, ')', '/', '(', 0, ')', ')'] as const;
    for (let k = 0; k < shape.length; k++) {
      const token = this.peek(k);
      const want = shape[k]!;
      if (want === 0 ? token?.t !== 'num' || !token.integer : !isSymbol(token, want)) return null;
    }
    const top = (this.peek(2) as NumberToken).value;
    const bottom = (this.peek(6) as NumberToken).value;
    if (top.sign() <= 0 || top.compare(bottom) >= 0) return null;
    this.pos += shape.length;
    return { k: 'bin', op: '/', a: { k: 'num', value: top }, b: { k: 'num', value: bottom } };
  }

  private word(text: string): Expr | null {
    const name = text.toLowerCase();
    if (FUNCTION_NAMES.has(name)) {
      this.pos++;
      return this.call(name);
    }
    if (CONSTANT_NAMES.has(name)) {
      this.pos++;
      return { k: 'var', name: name === 'infinity' ? 'inf' : name };
    }
    if (text.length === 1) {
      this.pos++;
      return { k: 'var', name: text };
    }
    return null;
  }

  private call(fn: string): Expr | null {
    if (!this.enter()) return null;
    let args: Expr[] | null;
    if (isSymbol(this.peek(), '(')) {
      this.pos++;
      args = [];
      for (;;) {
        const arg = this.sum();
        if (arg === null) return null;
        args.push(arg);
        if (isSymbol(this.peek(), ',')) {
          this.pos++;
          continue;
        }
        if (!isSymbol(this.peek(), ')')) return null;
        this.pos++;
        break;
      }
    } else {
      // `sqrt 2`, `sin x`: the function applies to the next power.
      const arg = this.power();
      args = arg === null ? null : [arg];
    }
    this.depth--;
    if (args === null) return null;
    const arity = fn === 'root' ? 2 : 1;
    return args.length === arity ? { k: 'call', fn, args } : null;
  }

  private group(close: string): Expr | null {
    this.pos++;
    if (!this.enter()) return null;
    const inner = this.sum();
    this.depth--;
    if (inner === null || !isSymbol(this.peek(), close)) return null;
    this.pos++;
    return inner;
  }
}

/** Free symbols, including the constants pi and e, sorted. */
export function symbolsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.k) {
      case 'var':
        into.add(node.name);
        break;
      case 'neg':
      case 'pct':
        stack.push(node.a);
        break;
      case 'bin':
        stack.push(node.a, node.b);
        break;
      case 'call':
        stack.push(...node.args);
        break;
      case 'num':
        break;
    }
  }
  return into;
}

/** Whether the tree uses any symbol or function, i.e. is not plain arithmetic. */
export function isArithmetic(expr: Expr): boolean {
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.k === 'var' || node.k === 'call') return false;
    if (node.k === 'neg' || node.k === 'pct') stack.push(node.a);
    else if (node.k === 'bin') stack.push(node.a, node.b);
  }
  return true;
}
