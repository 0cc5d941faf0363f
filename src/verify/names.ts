import type { ParsedAnswer } from './answer-types.js';
import { FUNCTION_NAMES, type Expr } from './expression-tree.js';
import { isSymbol, type Token } from './tokens.js';

/**
 * What the relation and inequality readers need from the answer parser, and
 * how they recognise a side that only names something.
 */
export interface RangeParser {
  readonly tokens: readonly Token[];
  /** The answer tokens[from, to) denote (one level deeper), or null. */
  parse(from: number, to: number): ParsedAnswer | null;
  /** tokens[from, to) as one expression, or null. */
  expression(from: number, to: number): Expr | null;
}

/** An answer, with the name it was given when it was the value side of `name = value`. */
export interface Named {
  readonly answer: ParsedAnswer;
  readonly name: string | null;
}

/**
 * The name tokens[from, to) give, when they are only a name: words, with
 * subscripts, function arguments, bars, ratios and tuples of names
 * (`x`, `AB`, `f(2)`, `|AB|`, `S_{MBCN}:S`, `\frac{NO}{BO}`, `(p, q)`). Null
 * for anything with arithmetic in it (`2x + z`, `x^2/4`).
 */
export function targetName(tokens: readonly Token[], from: number, to: number): string | null {
  let depth = 0;
  let words = 0;
  let text = '';
  // A name starts with a letter, a bracket or a bar (`_x` is not one: markdown trims a leading _); `+x` is x.
  while (isSymbol(tokens[from], '+') && from < to) from++;
  const first = tokens[from];
  if (first === undefined || !(first.t === 'word' || isSymbol(first, '(') || isSymbol(first, '|'))) return null;
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (token.t === 'word') {
      // sin x = 1/2 is an equation in x, not a name
      if (FUNCTION_NAMES.has(token.text.toLowerCase())) return null;
      words++;
      text += token.text;
      continue;
    }
    if (token.t === 'num') {
      // digits only as a subscript or an argument: x_1, f(2)
      if (depth === 0 && !isSymbol(tokens[k - 1], '_')) return null;
      text += token.whole + (token.fraction === '' ? '' : `.${token.fraction}`);
      continue;
    }
    const symbol = token.text;
    if (symbol === '(') depth++;
    else if (symbol === ')') {
      if (--depth < 0) return null;
    } else if (symbol === ',' ? depth === 0 : symbol !== '_' && symbol !== '|' && symbol !== ':' && symbol !== '/' && symbol !== '*' && symbol !== "'")
      return null;
    text += symbol;
  }
  if (words === 0 || depth !== 0) return null;
  // x_(1) (from x_{1}) and x_1 are one name
  return text.replace(/_\(([^()]*)\)/g, '_$1');
}
