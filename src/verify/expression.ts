import { Rational } from '../exact/rational.js';
import { isMixedPlus, isSymbol, type NumberToken, type Token } from './tokens.js';
import { CONSTANT_NAMES, FUNCTION_NAMES, VARIABLE_WORDS, type Expr } from './expression-tree.js';
import { renderExpression } from './expression-render.js';
import { readProperFraction, readSubscript } from './expression-pieces.js';

/**
 * The expression parser: recursive descent over answer tokens, with a depth
 * cap. Juxtaposition multiplies (2x, 3(4 + 1)); `sin^2 x` is (sin x)^2 and
 * `sin^{-1} x` is arcsin x; `log_2 8` is a logarithm to base 2; `x_1` and
 * `a_{37}` are names; `5!` is a factorial.
 */
export { CONSTANT_NAMES, FUNCTION_NAMES, type Expr } from './expression-tree.js';

export const MAX_EXPRESSION_DEPTH = 64;

const ONE = Rational.of(1n);
/** Functions whose unbracketed argument runs on through the names after it: sin 2x, log 3x. */
const TAKES_PRODUCTS: ReadonlySet<string> = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'sinh', 'cosh', 'tanh', 'log', 'ln']);
/** sin^{-1} x is arcsin x, not 1/sin x. */
const INVERSES: ReadonlyMap<string, string> = new Map([
  ['sin', 'arcsin'],
  ['cos', 'arccos'],
  ['tan', 'arctan'],
]);

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
      } else if (token !== undefined && (token.t === 'word' || isSymbol(token, '(') || (token.t === 'num' && isSymbol(this.tokens[this.pos - 1], '!')))) {
        // Juxtaposition multiplies: 2x, 2 sqrt(2), 3(4 + 1), (a)(b), 4! 6!. Two numbers side by side do not.
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
    for (;;) {
      if (value === null) return null;
      if (isSymbol(this.peek(), '%')) value = { k: 'pct', a: value };
      else if (isSymbol(this.peek(), '!') && !isSymbol(this.peek(1), '=')) value = { k: 'call', fn: 'factorial', args: [value] };
      else return value;
      this.pos++;
    }
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
      top?.t === 'num' &&
      top.space &&
      top.integer &&
      isSymbol(bar, '/') &&
      bottom?.t === 'num' &&
      bottom.integer &&
      top.value.compare(bottom.value) < 0 &&
      !isSymbol(this.peek(3), '^')
    ) {
      this.pos += 3;
      return { k: 'bin', op: '+', a: whole, b: { k: 'bin', op: '/', a: { k: 'num', value: top.value }, b: { k: 'num', value: bottom.value } } };
    }
    return whole;
  }

  private properFraction(): Expr | null {
    const fraction = readProperFraction((k) => this.peek(k));
    if (fraction === null) return null;
    this.pos += fraction.length;
    return fraction.expr;
  }

  private word(text: string): Expr | null {
    const name = text.length === 1 ? text : text.toLowerCase();
    if (FUNCTION_NAMES.has(name)) {
      this.pos++;
      return this.call(name);
    }
    if (CONSTANT_NAMES.has(name)) {
      this.pos++;
      return { k: 'var', name: name === 'infinity' ? 'inf' : name };
    }
    if ((text === 'f' || text === 'g') && isSymbol(this.peek(1), '(') && !this.peek(1)!.space) return this.application(text);
    if (text.length === 1 || VARIABLE_WORDS.has(text)) {
      this.pos++;
      return { k: 'var', name: text + this.subscript() };
    }
    return null;
  }

  /**
   * `f(2)`, `g(x + 1)`: a value of an unknown function, a symbol of its own
   * (named by its text), so that f(1) and f(3) differ, and neither is f times 3.
   */
  private application(name: string): Expr | null {
    this.pos += 2;
    if (!this.enter()) return null;
    const argument = this.sum();
    this.depth--;
    if (argument === null || !isSymbol(this.peek(), ')')) return null;
    this.pos++;
    return { k: 'var', name: `${name}(${renderExpression(argument)})` };
  }

  /** `_1`, `_{37}` (read as `_(37)`), `_n` after a name: the subscript as written, or ''. */
  private subscript(): string {
    const subscript = readSubscript((k) => this.peek(k));
    if (subscript === null) return '';
    this.pos += subscript.length;
    return subscript.text;
  }

  private call(fn: string): Expr | null {
    if (!this.enter()) return null;
    // log_2 8, log_(10)(x): a logarithm to a base, which is ln x / ln b
    if (fn === 'log' && isSymbol(this.peek(), '_')) {
      this.pos++;
      const base = this.primary();
      const argument = base === null ? null : this.call('ln');
      this.depth--;
      if (base === null || argument === null) return null;
      return { k: 'bin', op: '/', a: argument, b: { k: 'call', fn: 'ln', args: [base] } };
    }
    // sin^2 x is (sin x)^2, and sin^(-1) x is arcsin x
    let exponent: Expr | null = null;
    if (isSymbol(this.peek(), '^')) {
      this.pos++;
      exponent = this.primary();
      if (exponent === null) return null;
      if (exponent.k === 'neg' && exponent.a.k === 'num' && exponent.a.value.equals(ONE) && INVERSES.has(fn)) {
        fn = INVERSES.get(fn)!;
        exponent = null;
      }
    }
    const applied = this.applied(fn);
    this.depth--;
    if (applied === null || exponent === null) return applied;
    return { k: 'bin', op: '^', a: applied, b: exponent };
  }

  private applied(fn: string): Expr | null {
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
      // `sqrt 2`, `sin x`, `sin 2x`: the function applies to the next power; a trigonometric
      // or logarithmic one also to the names written right after it (sin 2x is sin(2x)).
      let arg = this.power();
      while (arg !== null && TAKES_PRODUCTS.has(fn) && this.peek()?.t === 'word' && !FUNCTION_NAMES.has((this.peek() as { text: string }).text.toLowerCase())) {
        const factor = this.power();
        arg = factor === null ? null : { k: 'bin', op: '*', a: arg, b: factor };
      }
      args = arg === null ? null : [arg];
    }
    if (args === null) return null;
    const arity = fn === 'root' || fn === 'binom' ? 2 : 1;
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
