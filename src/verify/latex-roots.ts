import { isDigit, isLetter } from './latex-chars.js';

/**
 * `\sqrt{x}`, `\sqrt[3]{x}`, `\sqrt2`: what the rewriter writes for a root
 * whose command ends at `end`. An index that cannot be read (not short and
 * plain) gives a bare `sqrt`, so that rewriting the output again changes nothing.
 */
export interface Root {
  /** The text to write. */
  readonly piece: string;
  /** Where the rewriter goes on. */
  readonly next: number;
  /** The root's argument is a `{...}` now open, closed later by `)`. */
  readonly opensArgument: boolean;
}

function skipSpaces(input: string, from: number): number {
  let j = from;
  while (input[j] === ' ') j++;
  return j;
}

export function readRoot(input: string, end: number): Root {
  let open = skipSpaces(input, end);
  let prefix = 'sqrt(';
  if (input[open] === '[') {
    // \sqrt[3]{x} → root(3,x); the index is short and simple or we leave it alone
    let j = open + 1;
    while (j < input.length && j - open <= 16 && (isDigit(input[j]) || isLetter(input[j]) || input[j] === ' ')) j++;
    if (input[j] !== ']') return { piece: ' sqrt ', next: end, opensArgument: false };
    prefix = `root(${input.slice(open + 1, j).trim()},`;
    open = skipSpaces(input, j + 1);
  }
  if (input[open] === '{') return { piece: prefix, next: open + 1, opensArgument: true };
  if (isDigit(input[open]) || isLetter(input[open])) return { piece: `${prefix}${input[open]})`, next: open + 1, opensArgument: false };
  return { piece: ' sqrt ', next: open, opensArgument: false };
}
