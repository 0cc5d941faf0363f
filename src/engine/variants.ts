import { unknownName } from '../errors.js';
import type { VariantId } from '../records/problem.js';
import type { CompiledTemplate } from '../template/compiled.js';

/** The variants the generator makes today, in the order records are written. */
export const GENERATED_VARIANTS = ['base', 'names', 'numbers', 'noop', 'p1', 'p2'] as const satisfies readonly VariantId[];
export type GeneratedVariant = (typeof GENERATED_VARIANTS)[number];

/** Which variants a template can make: names needs a name in the question, p2 a second extension. */
export function supportedVariants(template: CompiledTemplate): GeneratedVariant[] {
  return GENERATED_VARIANTS.filter((variant) => {
    switch (variant) {
      case 'names':
        return template.cosmetic.some((c) => c.inBaseText);
      case 'noop':
        return template.distractors.length > 0;
      case 'p1':
        return template.extensions.length >= 1;
      case 'p2':
        return template.extensions.length >= 2;
      default:
        return true;
    }
  });
}

/** Parses a --variants list into canonical order, naming the valid ids on a typo. */
export function parseVariants(list: readonly string[]): GeneratedVariant[] {
  for (const name of list) {
    if (!(GENERATED_VARIANTS as readonly string[]).includes(name)) throw unknownName('variant', name, GENERATED_VARIANTS);
  }
  return GENERATED_VARIANTS.filter((variant) => list.includes(variant));
}
