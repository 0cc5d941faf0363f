import type { CompiledTemplate } from '../template/compiled.js';
import type { CompiledText } from '../template/text.js';

/** Words that usually point back at an earlier sentence; a premise using them may not read first. */
const BACK_REFERENCES = [
  'the rest',
  'them',
  'they',
  'these',
  'those',
  'it',
  'its',
  'that',
  'this',
  'then',
  'also',
  'another',
  'other',
  'remaining',
  'left',
  'more',
  'again',
  'after that',
  'same',
  'each of',
];

/** Paraphrases that share more than this share of their word pairs with the original are near synonym swaps. */
const MAX_SHARED_PAIRS = 0.6;

function literalWords(text: CompiledText): string[] {
  return text.source
    .replace(/\{[^}]*\}/g, ' ')
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((w) => w !== '');
}

function pairs(words: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (let i = 1; i < words.length; i++) result.add(`${words[i - 1]} ${words[i]}`);
  return result;
}

/**
 * Hints for the wording of the paraphrase and reorder variants, which a
 * machine can only suspect: premises that seem to refer back without saying
 * what they follow, and paraphrases that keep most of the original's word
 * pairs (synonym swaps rather than rewritten sentences).
 */
export function wordingWarnings(template: CompiledTemplate, reorderable: boolean): string[] {
  const warnings: string[] = [];
  if (reorderable) {
    template.premises.forEach((premise, index) => {
      if (index === 0 || premise.follows.length > 0) return;
      const text = ` ${literalWords(premise.text).join(' ')} `;
      const found = BACK_REFERENCES.filter((word) => text.includes(` ${word} `));
      if (found.length > 0)
        warnings.push(
          `premise ${index} says "${found.join('", "')}" but follows no premise; if it refers back, list what it follows, or reorder may put it first`,
        );
    });
  }
  const check = (original: CompiledText, alternatives: readonly CompiledText[], what: string) => {
    const before = pairs(literalWords(original));
    alternatives.forEach((alternative, k) => {
      const after = pairs(literalWords(alternative));
      const shared = [...after].filter((p) => before.has(p)).length;
      const union = new Set([...before, ...after]).size;
      if (union > 0 && shared / union > MAX_SHARED_PAIRS)
        warnings.push(
          `paraphrase ${k} of ${what} keeps ${Math.round((100 * shared) / union)}% of its word pairs; rewrite the sentence rather than swapping words`,
        );
    });
  };
  template.premises.forEach((premise, index) => check(premise.text, premise.paraphrases, `premise ${index}`));
  check(template.question, template.questionParaphrases, 'the question');
  return warnings;
}
