import { Untranslatable } from './errors.js';

/**
 * Tokens of the Python-like expressions in GSM-Symbolic templates. Only what
 * those expressions use is recognised; anything else (`@`, `lambda`, `:=`,
 * f-strings) stops the tokenizer with the character or word it met.
 */
export type Token =
  | { readonly kind: 'num'; readonly text: string; readonly at: number }
  | { readonly kind: 'str'; readonly value: string; readonly at: number }
  | { readonly kind: 'name'; readonly text: string; readonly at: number }
  | { readonly kind: 'op'; readonly text: string; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

const OPERATORS = ['**', '//', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', ',', '.', ':', '='];
const UNSUPPORTED_WORDS = new Set(['lambda', 'for', 'while', 'import', 'from', 'def', 'class', 'yield', 'await', 'async', 'del', 'global', 'exec', 'eval']);

export function tokenize(source: string, where: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i))!;
      i += match[0].length;
      if (/^[A-Za-z_]/.test(source.slice(i))) throw new Untranslatable(`the literal "${source.slice(start, i + 1)}"`, where);
      tokens.push({ kind: 'num', text: match[0].replaceAll('_', ''), at: start });
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      i += match[0].length;
      if ((source[i] === '"' || source[i] === "'") && /^[rbfuRBFU]{1,2}$/.test(match[0]))
        throw new Untranslatable(`the prefixed string ${match[0]}"..."`, where);
      if (UNSUPPORTED_WORDS.has(match[0])) throw new Untranslatable(`"${match[0]}"`, where);
      tokens.push({ kind: 'name', text: match[0], at: start });
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\') {
          const next = source[i + 1];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
          i += 2;
          continue;
        }
        value += source[i];
        i++;
      }
      if (i >= source.length) throw new Untranslatable('an unclosed string', where);
      i++;
      tokens.push({ kind: 'str', value, at: start });
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op === undefined) throw new Untranslatable(`the character "${ch}"`, where);
    i += op.length;
    tokens.push({ kind: 'op', text: op, at: start });
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}
