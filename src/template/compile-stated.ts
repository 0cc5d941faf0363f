import * as N from '../exact/num.js';
import type { Declared } from './classify.js';
import type { CompileContext } from './compile-context.js';
import type { PartsRewrite, StatedNumber } from './compiled.js';
import type { NumberFormat } from './format.js';
import type { NumericExtras, PartsSpec, VariableSpec } from './spec.js';
import type { CompiledText } from './text.js';

/**
 * The filters each rewrite can show honestly: a digits number may pass 100
 * (no words), a decimal shows as a decimal (no fraction filter), and a
 * fraction shows only where the variant's mixed-number format applies.
 */
const ALLOWED_FILTERS: Readonly<Record<'digits' | 'decimal' | 'fraction', ReadonlySet<string | undefined>>> = {
  digits: new Set([undefined, 'noun', 'count', 'money', 'fixed', 'percent', 'ordinal', 'times']),
  decimal: new Set([undefined, 'noun', 'count', 'money', 'fixed', 'percent']),
  fraction: new Set([undefined, 'noun', 'count']),
};

const MIXED: NumberFormat = { kind: 'mixed' };
const FRACTION_WORDS: NumberFormat = { kind: 'fraction-words' };

/** Compiles what a stated number means (about) and how the digits, decimal and fraction variants may rewrite it. */
export function compileStated(
  cx: CompileContext,
  declared: Declared,
  spec: VariableSpec,
  baseTexts: readonly CompiledText[],
  scope: ReadonlySet<string>,
): StatedNumber {
  const extras = spec as NumericExtras;
  const pointer = declared.pointer;
  const domain = declared.domain!;
  const perturb = extras.perturb;
  const stated: {
    slot: number;
    name: string;
    pointer: string;
    domain: typeof domain;
    about?: CompiledText;
    digits?: { append: number; step: number };
    decimal?: PartsRewrite;
    fraction?: PartsRewrite;
  } = { slot: declared.slot, name: declared.name, pointer, domain };
  if (extras.about !== undefined) stated.about = cx.text(extras.about, `${pointer}/about`, scope, 0);
  if (perturb === undefined) return stated;

  const wholeDomain = domain.numbers!.whole;
  const checkFilters = (rewrite: 'digits' | 'decimal' | 'fraction') => {
    for (const text of baseTexts) {
      for (const use of text.placeholders) {
        if (use.name === declared.name && !ALLOWED_FILTERS[rewrite].has(use.filter)) {
          cx.fail(
            `${pointer}/perturb/${rewrite}`,
            `"${text.source}" shows ${declared.name} with the ${use.filter} filter, which cannot show a ${rewrite} rewrite`,
          );
        }
      }
    }
  };
  if (perturb.digits !== undefined) {
    const { append } = perturb.digits;
    const step = perturb.digits.step ?? (wholeDomain ? 1 : 10 ** append);
    if (10 ** append % step !== 0) cx.fail(`${pointer}/perturb/digits/step`, `the step ${step} must divide ${10 ** append}`);
    if (!wholeDomain && step !== 10 ** append) {
      cx.fail(
        `${pointer}/perturb/digits/step`,
        `${declared.name} takes values that are not whole, so the digits variant may only scale it by ${10 ** append} (step ${10 ** append})`,
      );
    }
    if (domain.numbers!.smallest < 1) {
      cx.fail(`${pointer}/perturb/digits`, `${declared.name} can be below 1, and a number below 1 gains no digits before its point when it grows`);
    }
    checkFilters('digits');
    stated.digits = { append, step };
  }
  for (const rewrite of ['decimal', 'fraction'] as const) {
    const parts = perturb[rewrite];
    if (parts === undefined) continue;
    if (!wholeDomain)
      cx.fail(`${pointer}/perturb/${rewrite}`, `the ${rewrite} variant adds a part to a whole number, and ${declared.name} takes values that are not whole`);
    checkFilters(rewrite);
    stated[rewrite] = compileParts(cx, parts, `${pointer}/perturb/${rewrite}`, rewrite);
  }
  return stated;
}

function compileParts(cx: CompileContext, spec: PartsSpec, pointer: string, rewrite: 'decimal' | 'fraction'): PartsRewrite {
  const parts = spec.parts.map((written, k) => {
    const part = N.numFrom(written);
    if (N.sign(part) <= 0 || N.compare(part, 1) >= 0) cx.fail(`${pointer}/parts/${k}`, `a part must lie strictly between 0 and 1, not ${written}`);
    if (rewrite === 'decimal' && N.decimalPlaces(part) === null) cx.fail(`${pointer}/parts/${k}`, `${written} has no exact decimal form`);
    return part;
  });
  if (rewrite === 'decimal' && spec.show !== undefined) cx.fail(`${pointer}/show`, '"show" applies to fractions only');
  if (rewrite === 'decimal') return { parts };
  return { parts, format: spec.show === 'words' ? FRACTION_WORDS : MIXED };
}
