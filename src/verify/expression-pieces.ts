import type { Expr } from './expression-tree.js';
import { isSymbol, type NumberToken, type Token } from './tokens.js';

/**
 * Small fixed-shape pieces the expression parser reads ahead for: the proper
 * fraction of a mixed number and the subscript of a name. Each looks at a
 * bounded number of tokens through `peek` and says how many it would take.
 */
type Peek = (offset: number) => Token | undefined;

const FRACTION_SHAPE = ['(', '(', 0, ')', '/', '(', 0, ')', ')'] as const;

/** `((a)/(b))` with whole numbers 0 < a < b, the shape latexToPlain gives `\frac{a}{b}`: a/b and its length, or null. */
export function readProperFraction(peek: Peek): { readonly expr: Expr; readonly length: number } | null {
  for (let k = 0; k < FRACTION_SHAPE.length; k++) {
    const token = peek(k);
    const want = FRACTION_SHAPE[k]!;
    if (want === 0 ? token?.t !== 'num' || !token.integer : !isSymbol(token, want)) return null;
  }
  const top = (peek(2) as NumberToken).value;
  const bottom = (peek(6) as NumberToken).value;
  if (top.sign() <= 0 || top.compare(bottom) >= 0) return null;
  return { expr: { k: 'bin', op: '/', a: { k: 'num', value: top }, b: { k: 'num', value: bottom } }, length: FRACTION_SHAPE.length };
}

function textOf(token: Token): string {
  return token.t === 'num' ? `${token.whole}${token.fraction === '' ? '' : `.${token.fraction}`}` : token.text;
}

/** `_1`, `_n`, `_(37)` (from `_{37}`) after a name: `_1`, `_n`, `_37` and its length, or null. */
export function readSubscript(peek: Peek): { readonly text: string; readonly length: number } | null {
  if (!isSymbol(peek(0), '_')) return null;
  const next = peek(1);
  if (next !== undefined && next.t !== 'sym') return { text: `_${textOf(next)}`, length: 2 };
  // _(...) with a few plain tokens inside
  if (!isSymbol(next, '(')) return null;
  let text = '';
  for (let k = 2; k < 10; k++) {
    const token = peek(k);
    if (token === undefined) return null;
    if (isSymbol(token, ')')) return k === 2 ? null : { text: `_${text}`, length: k + 1 };
    if (token.t === 'sym' && token.text !== ',' && token.text !== '+' && token.text !== '-') return null;
    text += textOf(token);
  }
  return null;
}
