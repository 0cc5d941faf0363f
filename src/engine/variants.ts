import { unknownName } from '../errors.js';
import { GENERATED_VARIANT_IDS } from '../records/problem.js';
import type { CompiledTemplate } from '../template/compiled.js';
import { criticalUnsupported } from '../variants/critical.js';
import { DIGITS } from '../variants/digits.js';
import { paraphraseUnsupported } from '../variants/paraphrase.js';
import { DECIMAL, FRACTION } from '../variants/parts.js';
import { reorderUnsupported } from '../variants/reorder.js';
import { reverseUnsupported } from '../variants/reverse.js';

/** The variants the generator makes, in the order records are written. */
export const GENERATED_VARIANTS = GENERATED_VARIANT_IDS;
export type GeneratedVariant = (typeof GENERATED_VARIANTS)[number];

/** Names for lists of variants: every one, or those of one paper. */
export const VARIANT_GROUPS: Readonly<Record<string, readonly GeneratedVariant[]>> = {
  all: GENERATED_VARIANTS,
  'gsm-symbolic': ['base', 'names', 'numbers', 'noop', 'p1', 'p2'],
  'gsm-plus': ['base', 'numbers', 'digits', 'decimal', 'fraction', 'p1', 'reverse', 'paraphrase', 'noop', 'critical'],
};

const reasons = new WeakMap<CompiledTemplate, ReadonlyMap<GeneratedVariant, string>>();

/** Why a template cannot make each variant it cannot make; the others are absent. */
export function unsupportedReasons(template: CompiledTemplate): ReadonlyMap<GeneratedVariant, string> {
  let found = reasons.get(template);
  if (found !== undefined) return found;
  const checks: Partial<Record<GeneratedVariant, () => string | null>> = {
    names: () => (template.cosmetic.some((c) => c.inBaseText) ? null : 'the question names no person or thing that could be renamed'),
    noop: () => (template.distractors.length > 0 ? null : 'no distractor is written'),
    p1: () => (template.extensions.length >= 1 ? null : 'no extension is written'),
    p2: () => (template.extensions.length >= 2 ? null : 'only one extension is written'),
    digits: () => DIGITS.unsupported(template),
    decimal: () => DECIMAL.unsupported(template),
    fraction: () => FRACTION.unsupported(template),
    reverse: () => reverseUnsupported(template),
    paraphrase: () => paraphraseUnsupported(template),
    critical: () => criticalUnsupported(template),
    reorder: () => reorderUnsupported(template),
  };
  const map = new Map<GeneratedVariant, string>();
  for (const variant of GENERATED_VARIANTS) {
    const reason = checks[variant]?.() ?? null;
    if (reason !== null) map.set(variant, reason);
  }
  reasons.set(template, map);
  return map;
}

/** Which variants a template can make. */
export function supportedVariants(template: CompiledTemplate): GeneratedVariant[] {
  const missing = unsupportedReasons(template);
  return GENERATED_VARIANTS.filter((variant) => !missing.has(variant));
}

/** Parses a --variants list (ids and group names) into canonical order, naming the valid ones on a typo. */
export function parseVariants(list: readonly string[]): GeneratedVariant[] {
  const wanted = new Set<GeneratedVariant>();
  for (const name of list) {
    const group = VARIANT_GROUPS[name];
    if (group !== undefined) for (const variant of group) wanted.add(variant);
    else if ((GENERATED_VARIANTS as readonly string[]).includes(name)) wanted.add(name as GeneratedVariant);
    else throw unknownName('variant', name, [...GENERATED_VARIANTS, ...Object.keys(VARIANT_GROUPS)]);
  }
  return GENERATED_VARIANTS.filter((variant) => wanted.has(variant));
}
