import type { CompiledTemplate } from '../template/compiled.js';
import type { CompiledText } from '../template/text.js';

/** One rewritten sentence of a paraphrase item: which sentence, and which of its authored alternatives. */
export interface Rewrite {
  readonly part: 'premise' | 'question';
  /** The premise's index; absent for the question. */
  readonly index?: number;
  readonly alternative: number;
}

/** The sentences a paraphrase may rewrite: the premises, then the question. */
function alternativesOf(template: CompiledTemplate): readonly (readonly CompiledText[])[] {
  return [...template.premises.map((p) => p.paraphrases), template.questionParaphrases];
}

/** A paraphrase rewrites at least half of the sentences (premises and question). */
export function minimumRewrites(template: CompiledTemplate): number {
  return Math.ceil((template.premises.length + 1) / 2);
}

export function paraphraseUnsupported(template: CompiledTemplate): string | null {
  const bare = template.premises.findIndex((p) => p.paraphrases.length === 0);
  if (bare >= 0) return `premise ${bare} has no paraphrase`;
  return template.questionParaphrases.length === 0 ? 'the question has no paraphrase' : null;
}

/** Chooses how many sentences to rewrite (at least half), which, and with which alternative. */
export function pickRewrites(template: CompiledTemplate, random: () => number): Rewrite[] {
  const alternatives = alternativesOf(template);
  const total = alternatives.length;
  const least = minimumRewrites(template);
  const count = least + Math.floor(random() * (total - least + 1));
  const indices = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (total - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((sentence) => {
      const alternative = Math.floor(random() * alternatives[sentence]!.length);
      return sentence === total - 1 ? { part: 'question', alternative } : { part: 'premise', index: sentence, alternative };
    });
}

/**
 * The premises and question of a paraphrase item, or why the rewrites are not
 * a valid paraphrase: enough distinct sentences, each with an alternative the
 * template has.
 */
export function paraphraseTexts(
  template: CompiledTemplate,
  rewrites: readonly Rewrite[],
): { readonly premises: readonly CompiledText[]; readonly question: CompiledText } | string {
  const premises = template.premises.map((p) => p.text);
  let question = template.question;
  const seen = new Set<string>();
  for (const rewrite of rewrites) {
    const key = rewrite.part === 'question' ? 'question' : `premise ${rewrite.index}`;
    if (seen.has(key)) return `${key} is rewritten twice`;
    seen.add(key);
    const options = rewrite.part === 'question' ? template.questionParaphrases : template.premises[rewrite.index ?? -1]?.paraphrases;
    const chosen = options?.[rewrite.alternative];
    if (chosen === undefined) return `${key} has no alternative ${rewrite.alternative}`;
    if (rewrite.part === 'question') question = chosen;
    else premises[rewrite.index!] = chosen;
  }
  if (seen.size < minimumRewrites(template))
    return `a paraphrase rewrites at least ${minimumRewrites(template)} of the ${template.premises.length + 1} sentences, not ${seen.size}`;
  return { premises, question };
}
