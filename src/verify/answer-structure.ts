import type { Interval, NumberAnswer, ParsedAnswer, TupleAnswer } from './answer-types.js';
import { dropPrefix, dropUnits } from './answer-words.js';
import { evaluateRational } from './evaluate.js';
import { parseExpression } from './expression.js';
import { isArithmetic, type Expr } from './expression-tree.js';
import { difference, intersect, intervalOfPair, intervalsOf, union } from './intervals.js';
import { parseMatrix } from './matrices.js';
import type { Named, RangeParser } from './names.js';
import { isConstant, parseRelation, valueSide } from './relations.js';
import { isWrapped, rangesBetween, topLevel } from './token-scan.js';
import { isSymbol, type NumberToken, type Token } from './tokens.js';

/**
 * The structure of an answer, outside in: a list (`,` `;` "and" "or"), a
 * relation (`=`, `<`, `\in`), a union or intersection of sets, a matrix, a
 * bracketed tuple, set or interval, a ratio `a:b`, a `±`, and at the leaves a
 * number or an expression, with the words around it (currency, units) dropped.
 * Each rule looks only at tokens outside brackets, and nesting is capped, so
 * the work is linear in the tokens times a small constant.
 */
const MAX_ITEMS = 64;
const MAX_NESTING = 6;
const MAX_PLUS_MINUS = 3;

/** Bare lists made by expanding ±: they merge into the list around them (`\{1 \pm \sqrt{5}, -2\}` has three items). */
const EXPANDED = new WeakSet<TupleAnswer>();

export function parseStructure(tokens: readonly Token[], source: string): ParsedAnswer | null {
  return new Structure(tokens, source, 0).named(0, tokens.length)?.answer ?? null;
}

function named(answer: ParsedAnswer | null): Named | null {
  return answer === null ? null : { answer, name: null };
}

function isJoiner(token: Token): boolean {
  return token.t === 'word' && (token.text === 'and' || token.text === 'or' || token.text === 'And' || token.text === 'Or');
}

class Structure implements RangeParser {
  private inner: Structure | null = null;

  constructor(
    readonly tokens: readonly Token[],
    private readonly source: string,
    private readonly nesting: number,
  ) {}

  /** The parser one level down, for the parts of this range. */
  private get child(): Structure {
    this.inner ??= new Structure(this.tokens, this.source, this.nesting + 1);
    return this.inner;
  }

  parse(from: number, to: number): ParsedAnswer | null {
    return this.child.named(from, to)?.answer ?? null;
  }

  expression(from: number, to: number): Expr | null {
    return parseExpression(this.tokens, from, to);
  }

  named(from: number, to: number): Named | null {
    if (from >= to || this.nesting > MAX_NESTING) return null;
    const list = this.list(from, to);
    if (list !== undefined) return list;
    const relation = parseRelation(this, from, to);
    if (relation !== undefined) return relation;
    const algebra = this.setAlgebra(from, to);
    if (algebra !== undefined) return named(algebra);
    const matrix = parseMatrix(this, from, to);
    if (matrix !== undefined) return named(matrix);
    const bracketed = this.bracketed(from, to);
    if (bracketed !== undefined) return named(bracketed);
    const ratio = this.ratio(from, to);
    if (ratio !== undefined) return named(ratio);
    const expanded = this.plusMinus(from, to);
    if (expanded !== undefined) return named(expanded);
    return named(this.leaf(from, to));
  }

  /** `1, 2`, `x = 1; x = 2`, `6 and 8`, `x < -1 or x > 2`: undefined when there is no separator outside brackets. */
  private list(from: number, to: number): Named | null | undefined {
    const tokens = this.tokens;
    // A ; separates groups that may themselves hold commas: p = 5, q = 2; p = 7, q = 2.
    const semicolons = topLevel(tokens, from, to, (t) => isSymbol(t, ';'));
    const cuts = semicolons.length > 0 ? semicolons : topLevel(tokens, from, to, (t) => isSymbol(t, ',') || isJoiner(t));
    if (cuts.length === 0) return undefined;
    if (cuts.length >= MAX_ITEMS) return null;
    const ranges = rangesBetween(cuts, from, to);
    const items: Named[] = [];
    for (let k = 0; k < ranges.length; k++) {
      const [start, end] = ranges[k]!;
      if (start >= end) {
        // "1, 2, and 3": the empty place between a comma and the joiner
        if (k > 0 && k < ranges.length - 1 && isJoiner(tokens[cuts[k]!]!)) continue;
        return null;
      }
      const item = this.child.named(start, end);
      if (item === null) return null;
      items.push(item);
    }
    const joiners = new Set(cuts.map((k) => (isJoiner(tokens[k]!) ? (tokens[k] as { text: string }).text.toLowerCase() : ',')));
    return named(combine(items, joiners));
  }

  /** `A \cup B`, `A \cap B`, `A \setminus B`, left to right, each part a set of reals. */
  private setAlgebra(from: number, to: number): ParsedAnswer | null | undefined {
    const cuts = topLevel(this.tokens, from, to, (t) => t.t === 'sym' && (t.text === '∪' || t.text === '∩' || t.text === '∖'));
    if (cuts.length === 0) return undefined;
    if (cuts.length >= MAX_ITEMS) return null;
    let parts: readonly Interval[] | null = null;
    const ranges = rangesBetween(cuts, from, to);
    for (let k = 0; k < ranges.length; k++) {
      const [start, end] = ranges[k]!;
      const part = this.parse(start, end);
      const intervals = part === null ? null : intervalsOf(part);
      if (intervals === null) return null;
      if (parts === null) parts = intervals;
      else {
        const op = (this.tokens[cuts[k - 1]!] as { text: string }).text;
        parts = op === '∪' ? union(parts, intervals) : op === '∩' ? intersect(parts, intervals) : difference(parts, intervals);
        if (parts === null) return null;
      }
    }
    return parts === null ? null : { kind: 'intervals', variable: null, parts };
  }

  /** `{1, 2}`, `(1, 2)`, `[0, 1)`, `(-\infty, 3]`, and `\left( matrix \right)`. */
  private bracketed(from: number, to: number): ParsedAnswer | null | undefined {
    const tokens = this.tokens;
    if (!isWrapped(tokens, from, to)) return undefined;
    const open = (tokens[from] as { text: string }).text;
    const close = (tokens[to - 1] as { text: string }).text;
    if (open === '{' || close === '}') {
      if (open !== '{' || close !== '}') return null;
      if (to - from === 2) return { kind: 'set', items: [] };
      const inner = this.parse(from + 1, to - 1);
      if (inner === null) return null;
      return { kind: 'set', items: inner.kind === 'tuple' && inner.open === '' ? inner.items : [inner] };
    }
    if ((open !== '(' && open !== '[') || (close !== ')' && close !== ']')) return undefined;
    const matrix = parseMatrix(this, from + 1, to - 1);
    if (matrix !== undefined) return matrix;
    const cuts = topLevel(tokens, from + 1, to - 1, (t) => isSymbol(t, ',') || isSymbol(t, ';'));
    if (cuts.length === 0) return undefined; // a parenthesised expression: the leaf reads it
    if (cuts.length >= MAX_ITEMS) return null;
    const items: ParsedAnswer[] = [];
    for (const [start, end] of rangesBetween(cuts, from + 1, to - 1)) {
      const item = this.parse(start, end);
      if (item === null) return null;
      items.push(item);
    }
    // [0, 1) and (-\infty, 3] can only be intervals; (1, 2) and [1, 2] stay pairs until compared with a set.
    const mixed = (open === '(') !== (close === ')');
    if (items.length === 2 && (mixed || items.some(isInfinite))) {
      const interval = intervalOfPair(open, close, items);
      if (interval !== null) return { kind: 'intervals', variable: null, parts: [interval] };
    }
    return { kind: 'tuple', open, close: close as ')' | ']', items };
  }

  /** `7:32` is the ratio 7/32, when both sides are constants. */
  private ratio(from: number, to: number): ParsedAnswer | null | undefined {
    const cuts = topLevel(this.tokens, from, to, (t) => isSymbol(t, ':'));
    if (cuts.length !== 1 || cuts[0] === from || cuts[0] === to - 1) return undefined;
    const left = this.parse(from, cuts[0]!);
    const right = this.parse(cuts[0]! + 1, to);
    if (left === null || right === null || !isConstant(left) || !isConstant(right)) return undefined;
    const a = expressionOf(left);
    const b = expressionOf(right);
    if (a === null || b === null) return undefined;
    const quotient: Expr = { k: 'bin', op: '/', a, b };
    const value = evaluateRational(quotient);
    return value === null
      ? { kind: 'expression', expr: quotient }
      : { kind: 'number', value, places: null, percent: false, significant: 0, grouped: false, source: this.source };
  }

  /** `1 \pm \sqrt{19}`: both values, as a list. */
  private plusMinus(from: number, to: number): ParsedAnswer | null | undefined {
    // ± anywhere, inside brackets too: \frac{-3 \pm \sqrt{17}}{4} is two values
    const signs: number[] = [];
    for (let k = from; k < to; k++) if (isSymbol(this.tokens[k], '±') || isSymbol(this.tokens[k], '∓')) signs.push(k);
    if (signs.length === 0) return undefined;
    if (signs.length > MAX_PLUS_MINUS) return null;
    const items: ParsedAnswer[] = [];
    for (let choice = 0; choice < 1 << signs.length; choice++) {
      const tokens = this.tokens.slice(from, to).map((token, k) => {
        const index = signs.indexOf(k + from);
        if (index < 0) return token;
        // choice bit 0 takes the upper sign: + for ±, - for ∓
        const upper = ((choice >> index) & 1) === 0;
        const plus = upper === (token.t === 'sym' && token.text === '±');
        return { ...token, text: plus ? '+' : '-' } as Token;
      });
      const value = new Structure(tokens, this.source, this.nesting + 1).named(0, tokens.length)?.answer ?? null;
      if (value === null || (value.kind !== 'number' && value.kind !== 'expression')) return null;
      items.push(value);
    }
    const list: TupleAnswer = { kind: 'tuple', open: '', close: '', items };
    EXPANDED.add(list);
    return list;
  }

  /** A number or an expression, after the words around it: "$12", "about 5", "18 dollars", "204_5". */
  private leaf(from: number, to: number): ParsedAnswer | null {
    const tokens = dropUnits(dropPrefix(this.tokens.slice(from, to)));
    if (tokens.length === 0) return null;
    if (tokens.length === 1 && isSymbol(tokens[0], '∅')) return { kind: 'set', items: [] };
    const simple = simpleNumber(tokens, this.source);
    if (simple !== null) return simple;
    const expr = parseExpression(tokens, 0, tokens.length);
    if (expr === null) return null;
    if (isArithmetic(expr)) {
      const value = evaluateRational(expr);
      if (value !== null)
        return {
          kind: 'number',
          value,
          places: null,
          percent: false,
          significant: 0,
          grouped: tokens.some((t) => t.t === 'num' && t.grouped),
          source: this.source,
        };
    }
    return { kind: 'expression', expr };
  }
}

function isInfinite(answer: ParsedAnswer): boolean {
  return (
    answer.kind === 'expression' &&
    ((answer.expr.k === 'var' && answer.expr.name === 'inf') || (answer.expr.k === 'neg' && answer.expr.a.k === 'var' && answer.expr.a.name === 'inf'))
  );
}

function expressionOf(answer: ParsedAnswer): Expr | null {
  if (answer.kind === 'expression') return answer.expr;
  if (answer.kind === 'number' && !answer.percent) return { k: 'num', value: answer.value };
  return null;
}

/**
 * The answer a list makes: named values with distinct names (`k = 45, n = 2`)
 * stay named; inequalities in one variable joined by "or" or "and" are their
 * union or intersection; anything else is a bare list, which compares in any
 * order. Lists made by ± merge into it.
 */
function combine(items: readonly Named[], joiners: ReadonlySet<string>): ParsedAnswer {
  const names = items.map((item) => item.name);
  if (items.length > 1 && names.every((name) => name !== null) && new Set(names).size === names.length) {
    return {
      kind: 'assignments',
      names: names as string[],
      values: items.map(({ answer }) => (answer.kind === 'relation' ? (valueSide(answer) ?? answer) : answer)),
    };
  }
  const first = items[0]!.answer;
  if (joiners.size === 1 && !joiners.has(',') && first.kind === 'intervals' && first.variable !== null) {
    const variable = first.variable;
    if (items.every(({ answer }) => answer.kind === 'intervals' && answer.variable === variable)) {
      let parts: readonly Interval[] | null = first.parts;
      for (const { answer } of items.slice(1)) {
        if (parts === null || answer.kind !== 'intervals') break;
        parts = joiners.has('or') ? union(parts, answer.parts) : intersect(parts, answer.parts);
      }
      if (parts !== null) return { kind: 'intervals', variable, parts };
    }
  }
  const values: ParsedAnswer[] = [];
  for (const { answer } of items) {
    if (answer.kind === 'tuple' && EXPANDED.has(answer)) values.push(...answer.items);
    else values.push(answer);
  }
  return { kind: 'tuple', open: '', close: '', items: values };
}

/** `[-] number [%]`: an answer that shows its decimals; `204_5`, a numeral with its base, reads as the numeral. */
function simpleNumber(tokens: readonly Token[], source: string): NumberAnswer | null {
  let k = 0;
  let negative = false;
  if (isSymbol(tokens[k], '-')) {
    negative = true;
    k++;
  } else if (isSymbol(tokens[k], '+')) k++;
  const token = tokens[k];
  if (token === undefined || token.t !== 'num') return null;
  const number: NumberToken = token;
  k++;
  let percent = false;
  if (isSymbol(tokens[k], '%')) {
    percent = true;
    k++;
  } else if (isSymbol(tokens[k], '_') && number.integer) {
    // a base: 204_5, 204_(5)
    const base = isSymbol(tokens[k + 1], '(') ? k + 2 : k + 1;
    if (tokens[base]?.t === 'num' && (base === k + 1 || isSymbol(tokens[base + 1], ')'))) k = base === k + 1 ? base + 1 : base + 2;
  }
  if (k !== tokens.length) return null;
  return {
    kind: 'number',
    value: negative ? number.value.neg() : number.value,
    places: number.repeating ? null : number.places,
    percent,
    significant: number.significant,
    grouped: number.grouped,
    source,
  };
}
