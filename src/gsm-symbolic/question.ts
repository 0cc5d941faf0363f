import type { TranslationContext } from './context.js';
import { Untranslatable } from './errors.js';
import { escapeText, splitSlots } from './slots.js';

export interface TranslatedQuestion {
  readonly premises: string[];
  readonly question: string;
  /** The `{name,default}` defaults by source variable, first occurrence wins. */
  readonly defaults: Map<string, string>;
}

/**
 * The annotated question as premises and a question sentence. It is cut after
 * each `.`, `!` or `?` followed by exactly one space, and our engine joins
 * premises with one space, so the text renders back exactly as it was; the
 * last sentence is the question.
 */
export function translateQuestion(text: string, context: TranslationContext): TranslatedQuestion {
  const defaults = new Map<string, string>();
  let out = '';
  const cuts: number[] = [];
  for (const segment of splitSlots(text, 'the question')) {
    if (segment.kind === 'text') {
      for (let i = 0; i < segment.text.length; i++) {
        const ch = segment.text[i]!;
        out += escapeText(ch);
        if ('.!?'.includes(ch) && segment.text[i + 1] === ' ' && segment.text[i + 2] !== ' ') cuts.push(out.length);
      }
      continue;
    }
    const source = segment.source;
    if (segment.default !== undefined) {
      if (!context.variables.has(source)) throw new Untranslatable(`the question slot {${source},...} for a variable #init does not define`, 'the question');
      if (!defaults.has(source)) defaults.set(source, segment.default);
    }
    out += context.placeholder(source, `the question slot {${source}}`, segment.default);
  }
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(out.slice(from, cut));
    from = cut + 1;
  }
  pieces.push(out.slice(from));
  const question = pieces.pop()!;
  if (question.trim() === '') throw new Untranslatable('an empty question', 'the question');
  return { premises: pieces, question, defaults };
}
