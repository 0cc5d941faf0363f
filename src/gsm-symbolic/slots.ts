import { Untranslatable } from './errors.js';

/** A piece of annotated text: literal text, or a `{...}` slot (`{name,default}` in questions, `{expr}` in solutions). */
export type Segment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'slot'; readonly source: string; readonly default?: string };

const NAMED = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s?([\s\S]*)$/;

/**
 * Splits text at its `{...}` slots. `{name,default}` (the question's form)
 * gives the variable and the value the original problem used; anything else
 * is an expression slot. A default may hold commas of its own (`{n,1,000}`).
 */
export function splitSlots(text: string, where: string): Segment[] {
  const segments: Segment[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '}') throw new Untranslatable('an unmatched "}"', where);
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const close = text.indexOf('}', i);
    const nested = text.indexOf('{', i + 1);
    if (close < 0 || (nested >= 0 && nested < close)) throw new Untranslatable('an unclosed or nested "{"', where);
    if (literal !== '') segments.push({ kind: 'text', text: literal });
    literal = '';
    const body = text.slice(i + 1, close);
    const named = NAMED.exec(body);
    segments.push(named === null ? { kind: 'slot', source: body.trim() } : { kind: 'slot', source: named[1]!, default: named[2]! });
    i = close + 1;
  }
  if (literal !== '') segments.push({ kind: 'text', text: literal });
  return segments;
}

/** Literal text for a reasonforge template: braces doubled. */
export function escapeText(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}
