import { MATRIX_CLOSE, MATRIX_OPEN } from './latex-chars.js';
import type { Token } from './tokens.js';

/**
 * Finding structure in a token range without parsing it: which tokens stand
 * outside every bracket (where list separators, relation signs and unions
 * split an answer), and which bracket closes which. Absolute-value bars count
 * as a bracket, so the `<` of `|x| < 3` is outside and the `,` of `|a, b|` is not.
 */
function opens(token: Token): boolean {
  return token.t === 'sym' && (token.text === '(' || token.text === '[' || token.text === '{' || token.text === MATRIX_OPEN);
}

function closes(token: Token): boolean {
  return token.t === 'sym' && (token.text === ')' || token.text === ']' || token.text === '}' || token.text === MATRIX_CLOSE);
}

/** Indices in [from, to) of tokens outside every bracket that `wanted` accepts. */
export function topLevel(tokens: readonly Token[], from: number, to: number, wanted: (token: Token) => boolean): number[] {
  const found: number[] = [];
  let depth = 0;
  let bars = false;
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (opens(token)) depth++;
    else if (closes(token)) depth--;
    else if (token.t === 'sym' && token.text === '|') bars = !bars;
    else if (depth === 0 && !bars && wanted(token)) found.push(k);
  }
  return found;
}

/** The index of the bracket closing tokens[open], or -1 (bars do not count here). */
export function matchingClose(tokens: readonly Token[], open: number, to: number): number {
  let depth = 0;
  for (let k = open; k < to; k++) {
    const token = tokens[k]!;
    if (opens(token)) depth++;
    else if (closes(token)) {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** Whether tokens[from, to) is one bracketed group: the first token opens what the last closes. */
export function isWrapped(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from >= 2 && opens(tokens[from]!) && matchingClose(tokens, from, to) === to - 1;
}

/** The ranges between the tokens at `cuts` (indices inside [from, to)). */
export function rangesBetween(cuts: readonly number[], from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = from;
  for (const cut of cuts) {
    ranges.push([start, cut]);
    start = cut + 1;
  }
  ranges.push([start, to]);
  return ranges;
}
